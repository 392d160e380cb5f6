using ExecGov.Credentials.Signing.Crypto;

namespace ExecGov.Credentials.Revocation.CrashHost;

internal sealed class FixedSigningKey(Ed25519SigningKey key) : IStatusListSigningKeyProvider
{
    public Ed25519SigningKey GetSigningKey() => key;
}
