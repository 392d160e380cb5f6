using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>A signing key provider whose key a test can rotate.</summary>
internal sealed class TestSigningKeys : IStatusListSigningKeyProvider, IDisposable
{
    private readonly List<Ed25519SigningKey> _all = [Ed25519SigningKey.Generate()];

    public Ed25519SigningKey Current => _all[^1];

    public Ed25519SigningKey GetSigningKey() => Current;

    public Ed25519SigningKey Rotate()
    {
        _all.Add(Ed25519SigningKey.Generate());
        return Current;
    }

    public Ed25519SecurityKey? Find(string kid) => _all.FirstOrDefault(k => k.KeyId == kid)?.PublicKey;

    public void Dispose() => _all.ForEach(k => k.Dispose());
}
