using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Verifier.Keys;

/// <summary>
/// Where the verifier finds trusted issuers' public keys. Keys come only from here, never from a token's
/// own headers (RFC 8725 §3.10: no <c>jku</c>, <c>x5u</c> or embedded <c>jwk</c> is followed).
/// </summary>
public interface IIssuerKeySource
{
    /// <summary>Whether <paramref name="issuer"/> is a configured trusted issuer.</summary>
    bool IsTrusted(string issuer);

    /// <summary>
    /// The issuer's verification key with id <paramref name="keyId"/>, or null when it publishes none. An
    /// unknown id may cause one rate-limited refresh of the issuer's JWKS. Never throws for bad remote data.
    /// </summary>
    ValueTask<Ed25519SecurityKey?> GetKeyAsync(string issuer, string keyId, CancellationToken cancellationToken);
}
