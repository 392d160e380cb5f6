namespace ExecGov.Credentials.Signing.Keys;

/// <summary>What may be said about a signing key without its private half.</summary>
/// <param name="KeyId">The key id (RFC 7638 thumbprint).</param>
/// <param name="Status">Active, retired or compromised.</param>
/// <param name="CreatedAt">When the key was generated.</param>
/// <param name="RetiredAt">When it stopped signing, if it has.</param>
/// <param name="VerifyUntil">Until when a retired key stays in the public JWKS.</param>
public sealed record SigningKeyInfo(
    string KeyId,
    SigningKeyStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? VerifyUntil)
{
    /// <summary>Whether verifiers should still trust this key at <paramref name="now"/>.</summary>
    public bool IsPublishedAt(DateTimeOffset now) => Status switch
    {
        SigningKeyStatus.Active => true,
        SigningKeyStatus.Retired => VerifyUntil is { } until && until > now,
        _ => false,
    };
}
