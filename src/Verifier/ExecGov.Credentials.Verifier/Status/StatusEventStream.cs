using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using ExecGov.Credentials.Verifier.Status.Events;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// Subscribes to one issuer's revocation event stream (docs/revocation.md §3) and feeds it to the
/// <see cref="StatusListStatusSource"/>: parsed with .NET's <see cref="SseParser"/>, resumed with
/// <c>Last-Event-ID</c> after every disconnect, reconnected with exponential backoff, dropped when idle.
/// Event ids are checked to be gap-free; anything the verifier cannot follow makes it refetch rather than guess.
/// </summary>
internal sealed partial class StatusEventStream
{
    private const int MaxLineBytes = 1024 * 1024;
    private readonly StatusListStatusSource _source;
    private readonly IssuerStatusState _state;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public StatusEventStream(StatusListStatusSource source, IssuerStatusState state, HttpClient http, TimeProvider time, ILogger logger)
    {
        _source = source;
        _state = state;
        _http = http;
        _time = time;
        _logger = logger;
    }

    /// <summary>How a connection ended.</summary>
    internal enum Outcome
    {
        /// <summary>The connection never got as far as <c>hello</c>.</summary>
        Failed,

        /// <summary>The connection said hello and later ended (or was dropped by this client).</summary>
        Ended,
    }

    /// <summary>Connects, follows and reconnects until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(Uri eventsUri, CancellationToken cancellationToken)
    {
        var options = _source.Options;
        var delay = options.StreamReconnectMinimumDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            Outcome outcome;
            try
            {
                outcome = await ConnectOnceAsync(eventsUri, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The subscription must outlive any single fault; lists age and deny meanwhile, never allow.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogStreamEnded(_logger, _state.Issuer, "unexpected " + ex.GetType().Name);
                outcome = Outcome.Failed;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            // A connection that worked resets the backoff; repeated failures back off up to the maximum.
            delay = outcome == Outcome.Ended ? options.StreamReconnectMinimumDelay : Min(delay * 2, options.StreamReconnectMaximumDelay);
            // ±20% jitter, so verifiers cut off together (an issuer restart) do not all come back in the same instant.
            var wait = delay * (0.8 + (0.4 * Random.Shared.NextDouble()));
            LogReconnecting(_logger, _state.Issuer, wait.TotalMilliseconds);
            try
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One connection, from request to end of stream; never throws except for cancellation of <paramref name="cancellationToken"/>.</summary>
    internal async Task<Outcome> ConnectOnceAsync(Uri eventsUri, CancellationToken cancellationToken)
    {
        var options = _source.Options;
        var resumeFrom = _state.LastEventId;
        var session = new Session(resumeFrom);
        using var idle = new CancellationTokenSource(options.StreamIdleTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, eventsUri);
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
            if (resumeFrom is { } lastId)
            {
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastId.ToString(CultureInfo.InvariantCulture));
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            {
                LogStreamRefused(_logger, _state.Issuer, (int)response.StatusCode);
                return Outcome.Failed;
            }

            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            using var limited = new LineLengthLimitedStream(body, MaxLineBytes);
            var parser = SseParser.Create(limited, StreamMessage.Parse);
            await foreach (var item in parser.EnumerateAsync(linked.Token).ConfigureAwait(false))
            {
                idle.CancelAfter(options.StreamIdleTimeout);
                if (!Handle(session, item))
                {
                    break;
                }
            }

            LogStreamEnded(_logger, _state.Issuer, "closed");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (OperationCanceledException)
        {
            LogStreamEnded(_logger, _state.Issuer, "idle: nothing received within the idle timeout");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException)
        {
            LogStreamEnded(_logger, _state.Issuer, ex.GetType().Name);
        }
        finally
        {
            _state.StreamConnected = false;
        }

        return session.SaidHello ? Outcome.Ended : Outcome.Failed;
    }

    /// <summary>Applies one message; false to drop the connection (and resume from the last applied event).</summary>
    private bool Handle(Session session, SseItem<StreamMessage> item)
    {
        var message = item.Data;
        if (message.IsMalformed)
        {
            LogProtocolError(_logger, _state.Issuer, $"unreadable '{message.Type}' event");
            return false;
        }

        if (!session.SaidHello && message.Type != StreamMessage.Hello)
        {
            LogProtocolError(_logger, _state.Issuer, "the first event was not hello");
            return false;
        }

        switch (message.Body)
        {
            case HelloEvent hello:
                return OnHello(session, hello);
            case StatusChangeEvent change:
                if (!TryAdvance(session, item.EventId, out var apply))
                {
                    return false;
                }

                if (apply)
                {
                    _source.OnStatusChanged(_state, change);
                }

                return true;
            case ListVersion list:
                if (!TryAdvance(session, item.EventId, out var note))
                {
                    return false;
                }

                if (note)
                {
                    _source.OnListStarted(_state, list);
                }

                return true;
            case KeyWithdrawnEvent withdrawn:
                if (!TryAdvance(session, item.EventId, out _))
                {
                    return false;
                }

                // Applied even when replayed (an id already seen): withdrawing twice is harmless, missing one is not.
                _source.OnKeyWithdrawn(_state, withdrawn);
                return true;
            case HeartbeatEvent heartbeat:
                return OnHeartbeat(session, heartbeat);
            case ResetEvent reset:
                _state.LastEventId = reset.LastId;
                _source.OnEventsMissed(_state, "the issuer could not replay from the last event id");
                return true;
            default:
                // An event type this verifier does not know: ignored, so the issuer can add some.
                _source.OnStreamMessage(_state);
                return true;
        }
    }

    private bool OnHello(Session session, HelloEvent hello)
    {
        if (session.SaidHello)
        {
            LogProtocolError(_logger, _state.Issuer, "a second hello on one connection");
            return false;
        }

        session.SaidHello = true;
        _state.StreamConnected = true;
        LogStreamConnected(_logger, _state.Issuer, session.ResumedFrom ?? -1, hello.LastId);
        if (session.ResumedFrom is { } resumed && hello.LastId < resumed)
        {
            // The issuer's history is behind what this verifier saw (restored from a backup?): nothing to replay.
            _state.LastEventId = hello.LastId;
            _source.OnHello(_state, hello, resumed: false);
            _source.OnEventsMissed(_state, "the issuer's newest event id is older than the last one applied");
            return true;
        }

        // Fresh subscription: everything before hello is covered by hello's versions; with Last-Event-ID the
        // replay follows and the id stays where it was.
        _state.LastEventId ??= hello.LastId;
        _source.OnHello(_state, hello, resumed: session.ResumedFrom is not null);
        return true;
    }

    private bool OnHeartbeat(Session session, HeartbeatEvent heartbeat)
    {
        var applied = _state.LastEventId ?? -1;
        if (heartbeat.LastId == applied)
        {
            session.HeartbeatsAhead = 0;
            _source.OnUpToDate(_state);
            return true;
        }

        _source.OnStreamMessage(_state);
        if (heartbeat.LastId < applied)
        {
            _state.LastEventId = heartbeat.LastId;
            _source.OnEventsMissed(_state, "a heartbeat names an older last event id than the one applied");
            return true;
        }

        // Events this verifier has not seen exist. Tolerate one such heartbeat (it may have raced the events),
        // then reconnect so the issuer replays them.
        session.HeartbeatsAhead++;
        if (session.HeartbeatsAhead >= 2)
        {
            LogProtocolError(_logger, _state.Issuer, "heartbeats name events that never arrived");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Checks an event's id against the last applied: a duplicate is skipped, a gap means events were missed
    /// (every list is refetched), a missing or unreadable id drops the connection.
    /// </summary>
    private bool TryAdvance(Session session, string? eventId, out bool apply)
    {
        apply = false;
        if (!long.TryParse(eventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            LogProtocolError(_logger, _state.Issuer, "an event without a numeric id");
            return false;
        }

        session.HeartbeatsAhead = 0;
        var last = _state.LastEventId;
        if (last is { } previous && id <= previous)
        {
            _source.OnStreamMessage(_state);
            return true;
        }

        if (last is { } before && id > before + 1)
        {
            _state.LastEventId = id;
            _source.OnEventsMissed(_state, "a gap in event ids");
        }

        _state.LastEventId = id;
        apply = true;
        return true;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 2221, Level = LogLevel.Information, Message = "Revocation event stream of issuer {Issuer} connected (resumed after event {ResumedFrom}, issuer's newest event {LastId})")]
    private static partial void LogStreamConnected(ILogger logger, string issuer, long resumedFrom, long lastId);

    [LoggerMessage(EventId = 2222, Level = LogLevel.Warning, Message = "Revocation event stream of issuer {Issuer} ended ({Cause}); lists are confirmed by polling until it is back")]
    private static partial void LogStreamEnded(ILogger logger, string issuer, string cause);

    [LoggerMessage(EventId = 2223, Level = LogLevel.Warning, Message = "Revocation event stream of issuer {Issuer} refused: HTTP {StatusCode} or not text/event-stream")]
    private static partial void LogStreamRefused(ILogger logger, string issuer, int statusCode);

    [LoggerMessage(EventId = 2224, Level = LogLevel.Warning, Message = "Revocation event stream of issuer {Issuer} broke the contract ({Problem}); reconnecting from the last applied event")]
    private static partial void LogProtocolError(ILogger logger, string issuer, string problem);

    [LoggerMessage(EventId = 2225, Level = LogLevel.Debug, Message = "Reconnecting to the revocation event stream of issuer {Issuer} in {DelayMs} ms")]
    private static partial void LogReconnecting(ILogger logger, string issuer, double delayMs);

    /// <summary>Per-connection bookkeeping.</summary>
    private sealed class Session(long? resumedFrom)
    {
        public long? ResumedFrom { get; } = resumedFrom;

        public bool SaidHello { get; set; }

        public int HeartbeatsAhead { get; set; }
    }
}
