namespace ExecGov.Credentials.Revocation;

/// <summary>The outcome of a revocation act, returned only once the act is durably committed.</summary>
public sealed record RevocationResult
{
    /// <summary>Whether the act was applied; when not, nothing changed and the counts are zero.</summary>
    public RevocationOutcome Outcome { get; init; } = RevocationOutcome.Applied;

    /// <summary>The act's id in the revocation store (and the audit trail); 0 when nothing was applied.</summary>
    public required long ActId { get; init; }

    /// <summary>How many registered credentials the act covered (whatever their previous status).</summary>
    public required int Covered { get; init; }

    /// <summary>How many list entries actually changed (a revoked credential does not change when suspended).</summary>
    public required int Changed { get; init; }

    /// <summary>When the status lists changed (the commit time).</summary>
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>The last revocation-event id the act produced, or null when nothing changed.</summary>
    public long? LastEventId { get; init; }
}
