namespace ExecGov.Credentials.Verifier.Keys;

/// <summary>What a verifier knows of one issuer's keys at a moment, for health reports. Holds no key material.</summary>
public sealed record IssuerKeySetState
{
    /// <summary>The issuer.</summary>
    public required string Issuer { get; init; }

    /// <summary>How many Ed25519 keys are held (0 until the JWKS was first read).</summary>
    public required int KeyCount { get; init; }

    /// <summary>When the JWKS was last read successfully; null if never.</summary>
    public DateTimeOffset? LoadedAt { get; init; }
}
