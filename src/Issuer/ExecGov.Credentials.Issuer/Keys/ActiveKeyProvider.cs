using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Keys;

/// <summary>
/// The revocation feature signs status-list tokens with the issuer's current active credential key, so
/// verifiers find it in the same JWKS; asked on every signing, so a rotation takes effect at once.
/// </summary>
internal sealed class ActiveKeyProvider(KeyRing keys) : IStatusListSigningKeyProvider
{
    public Ed25519SigningKey GetSigningKey() => keys.ActiveKey;
}
