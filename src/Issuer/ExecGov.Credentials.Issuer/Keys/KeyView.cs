namespace ExecGov.Credentials.Issuer.Keys;

/// <summary>A signing key as <c>GET /v1/keys</c> shows it: never private material.</summary>
internal sealed record KeyView
{
    public required string Kid { get; init; }

    /// <summary><c>active</c>, <c>retired</c> or <c>compromised</c>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }

    public DateTimeOffset? VerifyUntil { get; init; }

    /// <summary>Whether the key is in the public JWKS now.</summary>
    public required bool Published { get; init; }
}
