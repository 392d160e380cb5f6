using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>A signing key provider whose key a test can rotate.</summary>
internal sealed class TestSigningKeys : IStatusListSigningKeyProvider, IDisposable
{
    private readonly List<Ed25519SecurityKey> _all = [Ed25519SecurityKey.Generate()];

    public Ed25519SecurityKey Current => _all[^1];

    public Ed25519SecurityKey GetSigningKey() => Current;

    public Ed25519SecurityKey Rotate()
    {
        _all.Add(Ed25519SecurityKey.Generate());
        return Current;
    }

    public Ed25519SecurityKey? Find(string kid) => _all.FirstOrDefault(k => k.KeyId == kid);

    public void Dispose() => _all.ForEach(k => k.Dispose());
}
