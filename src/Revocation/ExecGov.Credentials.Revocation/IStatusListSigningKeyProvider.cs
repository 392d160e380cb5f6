using ExecGov.Credentials.Signing.Crypto;

namespace ExecGov.Credentials.Revocation;

/// <summary>
/// The key that signs status-list tokens: the issuer's current active credential key, so verifiers find it
/// in the same JWKS. Asked for on every (re)signing, so a rotation or compromise takes effect at once.
/// </summary>
public interface IStatusListSigningKeyProvider
{
    /// <summary>The current signing key.</summary>
    Ed25519SigningKey GetSigningKey();
}
