using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>The poll backstop: every ttl with a live stream; without one, often enough never to go stale.</summary>
public sealed class StatusPollingTests : IDisposable
{
    private static readonly string List1 = StatusHarness.ListUri(1);
    private readonly StatusHarness _h = new();

    [Fact]
    public async Task With_a_live_stream_each_list_is_polled_within_the_last_tick_before_ttl_and_not_earlier()
    {
        _h.Publish(1, StatusHarness.List(), version: 1, ttlSeconds: 25);
        await _h.StatusAsync(0);
        _h.State.StreamConnected = true;

        _h.Time.Advance(TimeSpan.FromSeconds(25) - StatusListBackgroundService.PollTick - TimeSpan.FromMilliseconds(1));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(1, _h.Server.Requests(List1));

        // The next tick would come after ttl: this one polls.
        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(2, _h.Server.Requests(List1));
    }

    [Fact]
    public async Task Without_a_stream_a_list_with_a_long_ttl_is_polled_at_half_the_max_age()
    {
        _h.Publish(1, StatusHarness.List(), version: 1, ttlSeconds: 300);
        await _h.StatusAsync(0);

        _h.Time.Advance(_h.Options.MaxStatusAge / 2);
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(2, _h.Server.Requests(List1));
    }

    [Fact]
    public async Task Without_a_stream_polling_picks_up_a_revocation_within_ttl()
    {
        _h.Publish(1, StatusHarness.List(), version: 1, ttlSeconds: 10);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(4));

        _h.Publish(1, StatusHarness.List((4, StatusValue.Invalid)), version: 2, ttlSeconds: 10);
        for (var second = 0; second < 10; second++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(1));
            _h.Source.PollDue();
            await _h.FetchesDone();
        }

        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(4));
    }

    [Fact]
    public async Task Polling_keeps_a_list_fresh_forever_while_the_issuer_answers()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        for (var second = 0; second < 300; second += 5)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(5));
            _h.Source.PollDue();
            await _h.FetchesDone();
            Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        }
    }

    [Fact]
    public async Task Issuer_gone_makes_lists_unavailable_after_max_age_and_polls_back_off()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        _h.Server.Fail(List1, System.Net.HttpStatusCode.BadGateway);

        var polls = _h.Server.Requests(List1);
        for (var second = 0; second < 60; second++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(1));
            _h.Source.PollDue();
            await _h.FetchesDone();
        }

        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));

        // Backoff: after the first failure at 30 s, retries at +1, +2, +4, +8… not every second.
        Assert.InRange(_h.Server.Requests(List1) - polls, 2, 6);
    }

    [Fact]
    public async Task A_list_that_was_never_fetched_is_not_polled()
    {
        _h.Server.Fail(List1, System.Net.HttpStatusCode.NotFound);
        await _h.StatusAsync(0);
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(1, _h.Server.Requests(List1));
    }

    public void Dispose() => _h.Dispose();
}
