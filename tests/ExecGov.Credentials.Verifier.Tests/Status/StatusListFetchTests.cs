using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>Fetching, verifying and answering from status lists.</summary>
public sealed class StatusListFetchTests : IDisposable
{
    private readonly StatusHarness _h = new();

    [Fact]
    public async Task Unknown_list_is_fetched_verified_and_answered_per_entry()
    {
        _h.Publish(1, StatusHarness.List((7, StatusValue.Invalid), (8, StatusValue.Suspended)), version: 3);

        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(6));
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(7));
        Assert.Equal(CredentialStatus.Suspended, await _h.StatusAsync(8));
        Assert.Equal(1, _h.Server.Requests(StatusHarness.ListUri(1)));
    }

    [Fact]
    public async Task Concurrent_first_verifications_share_one_fetch()
    {
        _h.Publish(1, StatusHarness.List((3, StatusValue.Invalid)), version: 1);
        _h.Server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = Enumerable.Range(0, 32).Select(i => _h.StatusAsync(i).AsTask()).ToArray();
        _h.Server.Hold.SetResult();
        var results = await Task.WhenAll(pending);

        Assert.Equal(1, _h.Server.Requests(StatusHarness.ListUri(1)));
        Assert.Equal(CredentialStatus.Revoked, results[3]);
        Assert.All(results.Where((_, i) => i != 3), r => Assert.Equal(CredentialStatus.Valid, r));
    }

    [Fact]
    public async Task First_fetch_that_outlasts_its_timeout_answers_unavailable_and_the_list_arrives_later()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        _h.Server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The wait is bounded on the fake clock, whose timer is armed before StatusAsync returns.
        var pending = _h.StatusAsync(0).AsTask();
        _h.Time.Advance(_h.Options.FirstFetchTimeout);
        Assert.Equal(CredentialStatus.Unavailable, await pending);
        _h.Server.Hold.SetResult();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task List_that_cannot_be_fetched_is_unavailable_and_retried_at_most_once_per_interval()
    {
        _h.Server.Fail(StatusHarness.ListUri(1), System.Net.HttpStatusCode.ServiceUnavailable);
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
        Assert.Equal(1, _h.Server.Requests(StatusHarness.ListUri(1)));

        _h.Publish(1, StatusHarness.List(), version: 1);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        Assert.Equal(2, _h.Server.Requests(StatusHarness.ListUri(1)));
    }

    [Theory]
    [InlineData(StatusValue.ApplicationSpecific)]
    public async Task Entry_value_the_verifier_does_not_understand_is_unavailable_not_valid(StatusValue value)
    {
        _h.Publish(1, StatusHarness.List((5, value)), version: 1);
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(5));
    }

    [Fact]
    public async Task Index_outside_the_list_is_unavailable()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(StatusHarness.ListSize));
    }

    [Fact]
    public async Task Eight_bit_list_values_above_two_deny_and_one_bit_lists_read_revoked()
    {
        var eight = new StatusList(64, bits: 8);
        eight.Set(1, StatusValue.Invalid);
        eight.Set(2, (StatusValue)0x0C);
        _h.Publish(1, eight, version: 1);
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(1));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(2));

        var one = new StatusList(64, bits: 1);
        one.Set(9, StatusValue.Invalid);
        _h.Publish(2, one, version: 1);
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(9, listId: 2));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(10, listId: 2));
    }

    [Fact]
    public async Task Staleness_boundary_valid_at_exactly_max_age_unavailable_one_tick_later()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));

        _h.Time.Advance(_h.Options.MaxStatusAge);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));

        _h.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Stale_list_is_refreshed_in_the_background_and_answers_again()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));

        _h.Time.Advance(_h.Options.MaxStatusAge + TimeSpan.FromSeconds(1));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
        await _h.FetchesDone();

        // The server answered 304 to the ETag held: the held list is confirmed again.
        Assert.Equal("\"1\"", _h.Server.IfNoneMatch.Last());
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Held_list_past_its_exp_is_unavailable_even_when_recently_confirmed()
    {
        _h.Publish(1, StatusHarness.List(), version: 1, lifetime: TimeSpan.FromSeconds(40));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));

        _h.Time.Advance(TimeSpan.FromSeconds(35));
        _h.Source.OnUpToDate(_h.State);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));

        _h.Time.Advance(TimeSpan.FromSeconds(5));
        _h.Source.OnUpToDate(_h.State);
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Not_modified_confirms_the_held_list_and_a_new_version_replaces_it()
    {
        _h.Publish(1, StatusHarness.List(), version: 4);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(2));

        _h.Time.Advance(TimeSpan.FromSeconds(30));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal("\"4\"", _h.Server.IfNoneMatch.Last());

        _h.Publish(1, StatusHarness.List((2, StatusValue.Invalid)), version: 5);
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(2));
    }

    [Fact]
    public async Task Unchanged_list_past_half_its_token_lifetime_is_fetched_anew_so_its_exp_moves_on()
    {
        _h.Publish(1, StatusHarness.List(), version: 7, ttlSeconds: 10, lifetime: TimeSpan.FromSeconds(100));
        await _h.StatusAsync(0);
        for (var second = 0; second < 150; second += 10)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(10));

            // The issuer re-signs the same version with a later exp, as it does at half the token's lifetime.
            _h.Publish(1, StatusHarness.List(), version: 7, ttlSeconds: 10, lifetime: TimeSpan.FromSeconds(100));
            _h.Source.PollDue();
            await _h.FetchesDone();
            Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        }

        Assert.Contains(null, _h.Server.IfNoneMatch);
        Assert.Contains("\"7\"", _h.Server.IfNoneMatch);
    }

    [Fact]
    public async Task Credential_from_an_unknown_issuer_is_unavailable()
    {
        var status = await _h.Source.GetStatusAsync("https://other.example", new() { Index = 0, Uri = StatusHarness.ListUri(1) }, default);
        Assert.Equal(CredentialStatus.Unavailable, status);
        Assert.Equal(0, _h.Server.TotalRequests);
    }

    [Fact]
    public async Task At_most_the_configured_number_of_lists_is_held_per_issuer()
    {
        using var h = new StatusHarness(o => o.MaxListsPerIssuer = 2);
        for (var id = 1; id <= 3; id++)
        {
            h.Publish(id, StatusHarness.List(), version: 1);
        }

        Assert.Equal(CredentialStatus.Valid, await h.StatusAsync(0, listId: 1));
        Assert.Equal(CredentialStatus.Valid, await h.StatusAsync(0, listId: 2));
        Assert.Equal(CredentialStatus.Unavailable, await h.StatusAsync(0, listId: 3));
        Assert.Equal(0, h.Server.Requests(StatusHarness.ListUri(3)));
    }

    [Fact]
    public async Task Health_reports_fresh_then_stale_lists()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        var fresh = Assert.Single(_h.Source.GetHealth());
        Assert.True(fresh.IsReady);
        Assert.Equal(1, fresh.Lists);
        Assert.Equal(_h.Time.GetUtcNow(), fresh.OldestConfirmedAt);

        _h.Time.Advance(_h.Options.MaxStatusAge + TimeSpan.FromSeconds(1));
        var stale = Assert.Single(_h.Source.GetHealth());
        Assert.False(stale.IsReady);
        Assert.Equal(1, stale.StaleLists);
    }

    public void Dispose() => _h.Dispose();
}
