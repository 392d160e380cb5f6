using System.Collections.Concurrent;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Everything the status source holds for one trusted issuer.</summary>
internal sealed class IssuerStatusState(TrustedIssuerOptions options)
{
    private volatile IssuerStatusEndpoints? _endpoints;
    private volatile bool _streamConnected;
    private long _lastHeardTicks;
    private int _listCount;

    public TrustedIssuerOptions Options { get; } = options;

    public string Issuer => Options.Issuer;

    /// <summary>Null until the endpoints are configured or learnt from the metadata document.</summary>
    public IssuerStatusEndpoints? Endpoints
    {
        get => _endpoints;
        set => _endpoints = value;
    }

    /// <summary>The lists held, by URI. Read lock-free on the hot path.</summary>
    public ConcurrentDictionary<string, StatusListEntry> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>Versions announced on the stream for lists not (yet) held, so a later first fetch knows what to expect.</summary>
    public ConcurrentDictionary<string, long> Announced { get; } = new(StringComparer.Ordinal);

    /// <summary>Counted separately because <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock.</summary>
    public ref int ListCount => ref _listCount;

    /// <summary>True once the missing status list base in the issuer's metadata was logged.</summary>
    public bool ReportedNoStatusBase { get; set; }

    /// <summary>The id of the last event applied from the stream; resumes the stream (<c>Last-Event-ID</c>). Written only by the stream loop.</summary>
    public long? LastEventId { get; set; }

    /// <summary>True while a stream is connected and has said hello.</summary>
    public bool StreamConnected
    {
        get => _streamConnected;
        set => _streamConnected = value;
    }

    /// <summary>When the issuer's status endpoints last answered (a stream message, or a fetch answered 200 or 304).</summary>
    public DateTimeOffset? LastHeard
    {
        get
        {
            var ticks = Volatile.Read(ref _lastHeardTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void Heard(DateTimeOffset now) => Volatile.Write(ref _lastHeardTicks, now.UtcTicks);
}
