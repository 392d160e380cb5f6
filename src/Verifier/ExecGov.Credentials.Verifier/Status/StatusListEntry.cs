namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// One status list of one issuer. <see cref="Current"/> is the only member the verification hot path touches (one
/// volatile read); everything else belongs to the writers (fetches, events, polls), which serialise on
/// <see cref="Gate"/>.
/// </summary>
internal sealed class StatusListEntry(string uri)
{
    private volatile StatusListSnapshot? _current;

    public string Uri { get; } = uri;

    /// <summary>The state answered from; null until the first verified fetch.</summary>
    public StatusListSnapshot? Current
    {
        get => _current;
        set => _current = value;
    }

    public Lock Gate { get; } = new();

    /// <summary>The fetch in progress, if any (single flight). Guarded by <see cref="Gate"/>.</summary>
    public Task? InFlight { get; set; }

    /// <summary>When the last fetch started. Guarded by <see cref="Gate"/>.</summary>
    public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Failed fetches since the last success (for backoff). Guarded by <see cref="Gate"/>.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>The highest version the issuer announced for this list (hello, status and list events). Guarded by <see cref="Gate"/>.</summary>
    public long AnnouncedVersion { get; set; }

    /// <summary>The highest version ever received in a verified token, the floor for roll-back checks. Guarded by <see cref="Gate"/>.</summary>
    public long HighestFetchedVersion { get; set; } = -1;

    /// <summary>True when the held state is known to be behind and a fetch must bring it up to date. Guarded by <see cref="Gate"/>.</summary>
    public bool NeedsRefetch { get; set; }

    /// <summary>A list behind after a resumed hello waits until then for the replay before polling refetches it. Guarded by <see cref="Gate"/>.</summary>
    public DateTimeOffset RefetchNotBefore { get; set; } = DateTimeOffset.MinValue;
}
