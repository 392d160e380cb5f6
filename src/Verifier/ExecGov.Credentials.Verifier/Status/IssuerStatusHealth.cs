namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// How fresh one issuer's revocation status is, for readiness checks (<c>/healthz</c>). An issuer is
/// <see cref="IsReady"/> when its status endpoints are known, no held list is stale or behind, and its endpoints
/// have answered within the maximum status age (or nothing is held yet and no stream is configured).
/// </summary>
public sealed record IssuerStatusHealth
{
    /// <summary>The issuer.</summary>
    public required string Issuer { get; init; }

    /// <summary>True when credentials of this issuer can be answered from fresh status now.</summary>
    public required bool IsReady { get; init; }

    /// <summary>True while the issuer's event stream is connected.</summary>
    public required bool StreamConnected { get; init; }

    /// <summary>Lists held.</summary>
    public required int Lists { get; init; }

    /// <summary>Held lists that are older than the maximum status age, expired, or known to be behind.</summary>
    public required int StaleLists { get; init; }

    /// <summary>The oldest confirmation among the held lists that are not behind; null when none is held.</summary>
    public DateTimeOffset? OldestConfirmedAt { get; init; }

    /// <summary>When the issuer's status endpoints last answered; null if never.</summary>
    public DateTimeOffset? LastHeardAt { get; init; }

    /// <summary>One sentence for operators.</summary>
    public required string Detail { get; init; }
}
