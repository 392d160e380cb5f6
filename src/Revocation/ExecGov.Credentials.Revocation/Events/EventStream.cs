using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Revocation.Publishing;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// One subscriber's event stream (docs/revocation.md §3): <c>hello</c>, then the replay of every retained
/// event after <c>Last-Event-ID</c>, then live events as they are committed, with a <c>heartbeat</c> whenever
/// nothing was sent for a heartbeat interval, and a <c>reset</c> when events the client needs were pruned.
/// </summary>
/// <remarks>
/// Replay and live events come from the same place, the <see cref="EventLog"/>, read by id: the subscriber
/// keeps only a cursor, so there is no window between "replayed" and "subscribed" in which an event could be
/// missed or sent twice.
/// </remarks>
internal static class EventStream
{
    private const int ReadChunk = 256;

    /// <summary>Clients reconnect after this long when the connection drops (the SSE <c>retry</c> field on <c>hello</c>).</summary>
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    public static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        EventLog log,
        ListUris uris,
        TimeSpan heartbeatInterval,
        TimeProvider time,
        ILogger logger,
        long? lastEventId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RevocationLog.SubscriberConnected(logger, lastEventId);
        var (newest, versions) = log.Snapshot();
        var hello = new HelloData
        {
            LastId = newest,
            Lists = versions.Select(v => new ListEventData { Uri = uris.For(v.Key), Version = v.Value }).ToList(),
        };
        yield return new SseItem<string>(JsonSerializer.Serialize(hello, EventStreamJsonContext.Default.HelloData), EventNames.Hello)
        {
            ReconnectionInterval = ReconnectAfter,
        };

        // Without Last-Event-ID the client starts from what hello described.
        var cursor = lastEventId ?? newest;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (events, gap, last) = log.ReadAfter(cursor, ReadChunk);
            if (gap)
            {
                RevocationLog.SubscriberReset(logger, cursor, last);
                yield return new SseItem<string>(JsonSerializer.Serialize(new ResetData { LastId = last }, EventStreamJsonContext.Default.ResetData), EventNames.Reset);
                cursor = last;
                continue;
            }

            if (events.Count > 0)
            {
                foreach (var e in events)
                {
                    yield return new SseItem<string>(e.Data, e.EventName) { EventId = e.Id.ToString(CultureInfo.InvariantCulture) };
                }

                cursor = events[^1].Id;
                continue;
            }

            bool fresh;
            try
            {
                fresh = await log.WaitForNewerAsync(cursor, heartbeatInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (!fresh)
            {
                var heartbeat = new HeartbeatData { LastId = cursor, At = time.GetUtcNow().ToUnixTimeSeconds() };
                yield return new SseItem<string>(JsonSerializer.Serialize(heartbeat, EventStreamJsonContext.Default.HeartbeatData), EventNames.Heartbeat);
            }
        }
    }
}
