using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>Applying the revocation event stream (docs/revocation.md §3) to held lists.</summary>
public sealed class StatusEventTests : IDisposable
{
    private static readonly string List1 = StatusHarness.ListUri(1);
    private readonly StatusHarness _h = new();

    [Fact]
    public async Task Status_event_at_the_next_version_is_applied_at_once_without_a_fetch()
    {
        await HoldList1AtVersion(3);
        var before = _h.State.Lists[List1].Current!;

        await _h.StreamAsync(Sse.Hello(10, (List1, 3)) + Sse.Status(11, List1, 4, 1, 5, 6) + Sse.Heartbeat(11));

        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(5));
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(6));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(7));
        Assert.Equal(1, _h.Server.Requests(List1));

        // Copy-on-write: a reader holding the previous snapshot never saw a half-applied change.
        Assert.Equal(StatusValue.Valid, before.List.Get(5));
        Assert.Equal(4, _h.State.Lists[List1].Current!.Version);
        Assert.Equal("\"4\"", _h.State.Lists[List1].Current!.ETag);
    }

    [Fact]
    public async Task Suspension_and_unsuspension_events_are_applied_in_order()
    {
        await HoldList1AtVersion(1);
        await _h.StreamAsync(Sse.Hello(0, (List1, 1)) + Sse.Status(1, List1, 2, 2, 9) + Sse.Heartbeat(1));
        Assert.Equal(CredentialStatus.Suspended, await _h.StatusAsync(9));

        await _h.StreamAsync(Sse.Hello(2, (List1, 2)) + Sse.Status(2, List1, 3, 0, 9) + Sse.Heartbeat(2));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(9));
    }

    [Fact]
    public async Task Event_that_skips_a_version_makes_the_list_unavailable_until_refetched()
    {
        await HoldList1AtVersion(3);
        _h.Server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Publish(1, StatusHarness.List((5, StatusValue.Invalid), (6, StatusValue.Invalid)), version: 5);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);

        await _h.StreamAsync(Sse.Hello(10, (List1, 3)) + Sse.Status(12, List1, 5, 1, 6));

        // Version 4 was never seen: what is held is known to be behind and is not answered from.
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(5));
        _h.Server.Hold.SetResult();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(5));
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(6));
    }

    [Fact]
    public async Task Event_at_or_below_the_held_version_is_ignored()
    {
        await HoldList1AtVersion(5);
        _h.Source.OnStatusChanged(_h.State, new() { Uri = List1, Version = 5, Status = 1, Indices = [2] });
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(2));
        Assert.Equal(1, _h.Server.Requests(List1));
    }

    [Fact]
    public async Task Event_that_would_unrevoke_an_entry_is_refused_and_the_signed_list_decides()
    {
        await HoldList1AtVersion(3, (4, StatusValue.Invalid));
        _h.Publish(1, StatusHarness.List((4, StatusValue.Invalid), (5, StatusValue.Invalid)), version: 4);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        _h.Source.OnStatusChanged(_h.State, new() { Uri = List1, Version = 4, Status = 0, Indices = [4, 5] });
        await _h.FetchesDone();

        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(4));
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(5));
        Assert.Equal(2, _h.Server.Requests(List1));
    }

    [Theory]
    [InlineData(3, new[] { 1 })]
    [InlineData(1, new[] { StatusHarness.ListSize })]
    [InlineData(1, new[] { -1 })]
    public async Task Event_the_list_cannot_hold_is_not_applied_and_the_list_is_refetched(int status, int[] indices)
    {
        await HoldList1AtVersion(1);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        _h.Source.OnStatusChanged(_h.State, new() { Uri = List1, Version = 2, Status = status, Indices = indices });
        Assert.True(_h.State.Lists[List1].Current!.IsOutdated);
        await _h.FetchesDone();
        Assert.Equal(2, _h.Server.Requests(List1));
    }

    [Fact]
    public async Task Hello_announcing_a_newer_version_refetches_and_an_equal_one_neither_refetches_nor_makes_it_fresher()
    {
        await HoldList1AtVersion(2);
        _h.Time.Advance(TimeSpan.FromSeconds(50));
        await _h.StreamAsync(Sse.Hello(7, (List1, 2)));
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(1));
        Assert.Equal(1, _h.Server.Requests(List1));
        _h.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(1));

        _h.Publish(1, StatusHarness.List((1, StatusValue.Suspended)), version: 3);
        _h.State.LastEventId = null;
        await _h.StreamAsync(Sse.Hello(8, (List1, 3)));
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Suspended, await _h.StatusAsync(1));
    }

    [Fact]
    public async Task Hello_naming_the_held_version_makes_a_list_that_counted_as_behind_current_again()
    {
        await HoldList1AtVersion(4);
        _h.Server.Fail(List1, System.Net.HttpStatusCode.ServiceUnavailable);
        _h.Source.OnEventsMissed(_h.State, "test");
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));

        _h.State.LastEventId = null;
        await _h.StreamAsync(Sse.Hello(30, (List1, 4)));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Heartbeat_confirms_nothing_whether_or_not_it_is_up_to_date()
    {
        await HoldList1AtVersion(1);
        await _h.StreamAsync(Sse.Hello(20, (List1, 1)));

        _h.Time.Advance(TimeSpan.FromSeconds(45));
        await _h.StreamAsync(Sse.Hello(20) + Sse.Heartbeat(21));
        await _h.StreamAsync(Sse.Hello(20) + Sse.Heartbeat(20));
        _h.Time.Advance(TimeSpan.FromSeconds(16));

        // 61 s after the last signed list: stale, however many heartbeats said the stream is current.
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
        Assert.NotNull(_h.State.LastHeard);
    }

    [Fact]
    public async Task Unsigned_stream_messages_never_keep_a_list_fresh_beyond_max_age_of_its_last_signed_fetch()
    {
        await HoldList1AtVersion(1);
        for (var i = 0; i < 5; i++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(30));
            await _h.StreamAsync(Sse.Hello(0, (List1, 1)) + Sse.Heartbeat(0));
        }

        // Heartbeats and hellos every 30 s for 150 s, no fetch: the list is as old as its last verified token.
        Assert.Equal(1, _h.Server.Requests(List1));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Applied_event_changes_the_list_without_making_it_fresher()
    {
        await HoldList1AtVersion(1);
        _h.Time.Advance(TimeSpan.FromSeconds(50));
        await _h.StreamAsync(Sse.Hello(0, (List1, 1)) + Sse.Status(1, List1, 2, 1, 5) + Sse.Heartbeat(1));
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(5));

        _h.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(5));
    }

    [Fact]
    public async Task With_the_stream_up_a_list_is_still_polled_within_half_the_maximum_age()
    {
        _h.Publish(1, StatusHarness.List(), version: 1, ttlSeconds: 3600);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        _h.State.StreamConnected = true;

        _h.Time.Advance(_h.Options.MaxStatusAge / 2);
        _h.Source.PollDue();
        await _h.FetchesDone();

        Assert.Equal(2, _h.Server.Requests(List1));
        _h.Time.Advance(_h.Options.MaxStatusAge / 2 + TimeSpan.FromSeconds(1));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Reset_refetches_every_held_list_and_denies_until_then()
    {
        await HoldList1AtVersion(1);
        _h.Publish(2, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0, listId: 2);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        _h.Server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _h.State.LastEventId = 3;
        await _h.StreamAsync(Sse.Hello(50) + Sse.Reset(50));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0, listId: 2));

        _h.Server.Hold.SetResult();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0, listId: 2));
        Assert.Equal(2, _h.Server.Requests(List1));
        Assert.Equal(2, _h.Server.Requests(StatusHarness.ListUri(2)));
        Assert.Equal(50, _h.State.LastEventId);
    }

    [Fact]
    public async Task Gap_in_event_ids_refetches_every_held_list()
    {
        await HoldList1AtVersion(1);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        await _h.StreamAsync(Sse.Hello(4, (List1, 1)) + Sse.ListStarted(5, StatusHarness.ListUri(2)) + Sse.ListStarted(7, StatusHarness.ListUri(3)));
        await _h.FetchesDone();
        Assert.Equal(2, _h.Server.Requests(List1));
        Assert.Equal(7, _h.State.LastEventId);
    }

    [Fact]
    public async Task Event_for_a_list_whose_first_fetch_is_in_flight_makes_an_older_copy_count_as_behind()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        _h.Server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _h.StatusAsync(8).AsTask();

        // The revocation happens while the server is still answering with version 1.
        _h.Source.OnStatusChanged(_h.State, new() { Uri = List1, Version = 2, Status = 1, Indices = [8] });
        _h.Server.Hold.SetResult();
        Assert.Equal(CredentialStatus.Unavailable, await first);

        _h.Publish(1, StatusHarness.List((8, StatusValue.Invalid)), version: 2);
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(8));
    }

    [Fact]
    public async Task Version_announced_before_the_list_was_held_is_required_of_its_first_fetch()
    {
        await _h.StreamAsync(Sse.Hello(9, (List1, 6)));
        _h.Publish(1, StatusHarness.List(), version: 5);
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Events_for_lists_outside_the_base_are_ignored()
    {
        await HoldList1AtVersion(1);
        await _h.StreamAsync(Sse.Hello(0, ("https://evil.example/status-lists/1", 9)) + Sse.Status(1, "https://evil.example/status-lists/1", 10, 1, 0) + Sse.Heartbeat(1));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        Assert.False(_h.State.Announced.ContainsKey("https://evil.example/status-lists/1"));
    }

    private async Task HoldList1AtVersion(long version, params (int, StatusValue)[] entries)
    {
        _h.Publish(1, StatusHarness.List(entries), version);
        await _h.StatusAsync(0);
        Assert.Equal(version, _h.State.Lists[List1].Current!.Version);
    }

    public void Dispose() => _h.Dispose();
}
