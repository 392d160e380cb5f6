using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Signing.Crypto;

/// <summary>
/// An issuer's Ed25519 signing key: an NSec <see cref="Key"/> whose private half stays in secure memory (export as
/// narrow as its creator chose, <see cref="KeyExportPolicies.None"/> for every key this project makes), with its public
/// half as an <see cref="Ed25519SecurityKey"/> for the JWKS. <see cref="ToString"/> never prints key material.
/// Dispose it when done with it.
/// </summary>
public sealed class Ed25519SigningKey : IJwsSigner, IDisposable
{
    private readonly Key _key;

    /// <summary>Creates a signing key that takes ownership of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public Ed25519SigningKey(Key key, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("Only Ed25519 keys are accepted.", nameof(key));
        }

        _key = key;
        PublicKey = new Ed25519SecurityKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey), keyId);
    }

    /// <summary>The public half, for verification and the JWKS.</summary>
    public Ed25519SecurityKey PublicKey { get; }

    /// <inheritdoc />
    public string KeyId => PublicKey.KeyId;

    /// <summary>The RFC 7638 thumbprint of the public key.</summary>
    public string Thumbprint => PublicKey.Thumbprint;

    /// <summary>The raw 32-byte public key (the JWK <c>x</c> member, decoded).</summary>
    public ReadOnlyMemory<byte> PublicKeyBytes => PublicKey.PublicKeyBytes;

    /// <summary>Generates a fresh signing key whose private half cannot be exported.</summary>
    public static Ed25519SigningKey Generate(string? keyId = null) =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }), keyId);

    /// <inheritdoc />
    public void Sign(ReadOnlySpan<byte> input, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(_key, input, signature);

    /// <summary>The public JWK (kty OKP, crv Ed25519) with this key's id; never a private member.</summary>
    public JsonWebKey ToPublicJwk() => PublicKey.ToPublicJwk();

    /// <inheritdoc />
    public override string ToString() => $"Ed25519SigningKey(kid={KeyId})";

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
