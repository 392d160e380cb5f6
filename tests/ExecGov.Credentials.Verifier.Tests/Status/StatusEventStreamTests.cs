using System.Net;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>The stream client: connection handling, resume, and contract violations.</summary>
public sealed class StatusEventStreamTests : IDisposable
{
    private static readonly string List1 = StatusHarness.ListUri(1);
    private readonly StatusHarness _h = new();

    [Fact]
    public async Task First_connection_sends_no_last_event_id_and_later_ones_resume_from_the_last_applied_event()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);

        Assert.Equal(StatusEventStream.Outcome.Ended, await _h.StreamAsync(Sse.Hello(40, (List1, 1)) + Sse.Status(41, List1, 2, 1, 3)));
        Assert.Equal(StatusEventStream.Outcome.Ended, await _h.StreamAsync(Sse.Hello(41, (List1, 2)) + Sse.Status(42, List1, 3, 2, 4)));

        Assert.Equal(new string?[] { null, "41" }, _h.Server.LastEventIds.ToArray());
        Assert.Equal(42, _h.State.LastEventId);
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));
        Assert.Equal(CredentialStatus.Suspended, await _h.StatusAsync(4));
    }

    [Fact]
    public async Task Resumed_connection_catches_up_from_the_replay_without_refetching()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        await _h.StreamAsync(Sse.Hello(5, (List1, 1)));

        // Events 6 and 7 happened while disconnected: hello announces version 3, the replay follows.
        await _h.StreamAsync(Sse.Hello(7, (List1, 3)) + Sse.Status(6, List1, 2, 1, 3) + Sse.Status(7, List1, 3, 2, 4) + Sse.Heartbeat(7));
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        _h.Source.PollDue();
        await _h.FetchesDone();

        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));
        Assert.Equal(CredentialStatus.Suspended, await _h.StatusAsync(4));
        Assert.Equal(1, _h.Server.Requests(List1));
    }

    [Fact]
    public async Task Resumed_connection_whose_replay_does_not_arrive_refetches_after_the_grace()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        await _h.StreamAsync(Sse.Hello(5, (List1, 1)));
        _h.Publish(1, StatusHarness.List((3, StatusValue.Invalid)), version: 2);

        await _h.StreamAsync(Sse.Hello(6, (List1, 2)));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(3));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(1, _h.Server.Requests(List1));

        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));
    }

    [Fact]
    public async Task Replayed_duplicate_events_are_skipped()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        await _h.StreamAsync(Sse.Hello(0, (List1, 1)) + Sse.Status(1, List1, 2, 2, 3));

        // The same event again (a replay overlapping what was applied), then a later one.
        await _h.StreamAsync(Sse.Hello(2, (List1, 3)) + Sse.Status(1, List1, 2, 2, 3) + Sse.Status(2, List1, 3, 0, 3));
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(3));
        Assert.Equal(2, _h.State.LastEventId);
    }

    [Fact]
    public async Task Stream_is_connected_only_between_hello_and_its_end()
    {
        Assert.False(_h.State.StreamConnected);
        _h.Server.EventStream = Sse.Hello(0);
        var outcome = await _h.StreamAsync(Sse.Hello(0));
        Assert.Equal(StatusEventStream.Outcome.Ended, outcome);
        Assert.False(_h.State.StreamConnected);
        Assert.NotNull(_h.State.LastHeard);
    }

    [Theory]
    [InlineData("first event not hello")]
    [InlineData("status without id")]
    [InlineData("unreadable status")]
    [InlineData("second hello")]
    public async Task Contract_violation_drops_the_connection_without_applying_it(string violation)
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        var sse = violation switch
        {
            "first event not hello" => Sse.Status(1, List1, 2, 1, 0),
            "status without id" => Sse.Hello(0, (List1, 1)) + Sse.Event("status", $$"""{"uri":"{{List1}}","version":2,"status":1,"idx":[0]}"""),
            "unreadable status" => Sse.Hello(0, (List1, 1)) + Sse.Event("status", """{"uri":1}""", id: 1),
            "second hello" => Sse.Hello(0, (List1, 1)) + Sse.Hello(0, (List1, 1)) + Sse.Status(1, List1, 2, 1, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(violation)),
        };

        await _h.StreamAsync(sse);
        Assert.Equal(CredentialStatus.Valid, await _h.StatusAsync(0));
        Assert.Equal(1, _h.State.Lists[List1].Current!.Version);
    }

    [Fact]
    public async Task Unknown_event_types_are_ignored()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        await _h.StreamAsync(Sse.Hello(0, (List1, 1)) + Sse.Event("metrics", """{"anything":true}""") + Sse.Status(1, List1, 2, 1, 0));
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Refused_stream_is_a_failed_connection()
    {
        _h.Server.EventStreamStatus = HttpStatusCode.ServiceUnavailable;
        Assert.Equal(StatusEventStream.Outcome.Failed, await _h.StreamAsync(Sse.Hello(0)));
        Assert.False(_h.State.StreamConnected);
    }

    [Fact]
    public async Task Endless_line_ends_the_connection_instead_of_growing_memory()
    {
        var outcome = await _h.StreamAsync(Sse.Hello(0) + "data: " + new string('x', 2 * 1024 * 1024));
        Assert.Equal(StatusEventStream.Outcome.Ended, outcome);
    }

    [Fact]
    public async Task Hello_with_an_older_last_id_than_applied_refetches_everything()
    {
        _h.Publish(1, StatusHarness.List(), version: 1);
        await _h.StatusAsync(0);
        _h.State.LastEventId = 90;
        _h.Time.Advance(_h.Options.MinimumRefetchInterval);
        await _h.StreamAsync(Sse.Hello(12, (List1, 1)));
        await _h.FetchesDone();
        Assert.Equal(12, _h.State.LastEventId);
        Assert.Equal(2, _h.Server.Requests(List1));
    }

    public void Dispose() => _h.Dispose();
}
