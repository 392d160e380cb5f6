using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Revocation.CrashHost;

internal sealed class FixedSigningKey(Ed25519SecurityKey key) : IStatusListSigningKeyProvider
{
    public Ed25519SecurityKey GetSigningKey() => key;
}
