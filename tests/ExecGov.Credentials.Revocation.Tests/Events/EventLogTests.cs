using ExecGov.Credentials.Revocation.Events;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Revocation.Tests.Events;

public sealed class EventLogTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ReadAfter_returns_the_events_after_an_id_in_order()
    {
        var log = new EventLog(10, _time);
        log.Append([Event(1), Event(2), Event(3)]);

        var (events, gap, last) = log.ReadAfter(1, 10);

        Assert.False(gap);
        Assert.Equal(3, last);
        Assert.Equal([2L, 3L], events.Select(e => e.Id));
    }

    [Fact]
    public void ReadAfter_reports_a_gap_once_the_next_event_was_pruned()
    {
        var log = new EventLog(3, _time);
        log.Append([.. Enumerable.Range(1, 10).Select(i => Event(i))]);

        Assert.True(log.ReadAfter(6, 10).Gap);
        Assert.Equal([8L, 9L, 10L], log.ReadAfter(7, 10).Events.Select(e => e.Id));
    }

    [Fact]
    public void ReadAfter_reports_a_gap_for_an_id_beyond_the_newest()
    {
        var log = new EventLog(3, _time);
        log.Append([Event(1)]);

        Assert.True(log.ReadAfter(5, 10).Gap);
    }

    [Fact]
    public void Append_refuses_an_id_that_does_not_follow()
    {
        var log = new EventLog(3, _time);
        log.Append([Event(1)]);

        Assert.Throws<InvalidOperationException>(() => log.Append([Event(3)]));
    }

    [Fact]
    public async Task WaitForNewer_completes_when_an_event_is_appended()
    {
        var log = new EventLog(3, _time);
        var wait = log.WaitForNewerAsync(0, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.False(wait.IsCompleted);

        log.Append([Event(1)]);

        Assert.True(await wait);
    }

    [Fact]
    public async Task WaitForNewer_answers_false_when_the_interval_passes()
    {
        var log = new EventLog(3, _time);
        var wait = log.WaitForNewerAsync(0, TimeSpan.FromSeconds(5), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await wait);
    }

    [Fact]
    public void Snapshot_pairs_the_newest_id_with_the_versions_as_of_it()
    {
        var log = new EventLog(3, _time);
        log.Initialize([], 0, [KeyValuePair.Create(1, 0L)]);
        log.Append([new StoredEvent(1, EventKind.Status, 1, 1, "{}"), new StoredEvent(2, EventKind.List, 2, 0, "{}")]);

        var (last, versions) = log.Snapshot();

        Assert.Equal(2, last);
        Assert.Equal([KeyValuePair.Create(1, 1L), KeyValuePair.Create(2, 0L)], versions);
    }

    private static StoredEvent Event(long id) => new(id, EventKind.Status, 1, id, "{}");
}
