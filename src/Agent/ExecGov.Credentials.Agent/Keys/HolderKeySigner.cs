using ExecGov.Credentials.Crypto;
using NSec.Cryptography;

namespace ExecGov.Credentials.Agent.Keys;

/// <summary>
/// The agent's own holder key as the encoder's <see cref="IJwsSigner"/>: internal, so what signs with the private
/// half stays inside this assembly (proofs, assertions, client assertions through <see cref="AgentKey"/>).
/// </summary>
internal sealed class HolderKeySigner : IJwsSigner, IDisposable
{
    private readonly Key _key;

    /// <summary>Takes ownership of <paramref name="key"/>, an Ed25519 key.</summary>
    public HolderKeySigner(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("Only Ed25519 keys are accepted.", nameof(key));
        }

        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Thumbprint = Jwk.Ed25519Thumbprint(PublicKey);
    }

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The RFC 7638 thumbprint of the public key; also the <c>kid</c>.</summary>
    public string Thumbprint { get; }

    /// <inheritdoc />
    public string KeyId => Thumbprint;

    /// <inheritdoc />
    public void Sign(ReadOnlySpan<byte> input, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(_key, input, signature);

    /// <inheritdoc />
    public override string ToString() => $"HolderKeySigner(kid={KeyId})";

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
