using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Crypto;

/// <summary>
/// An Ed25519 key (RFC 8037) usable by Microsoft.IdentityModel: <c>JsonWebTokenHandler</c> signs and
/// validates <c>EdDSA</c> tokens with it because its <see cref="SecurityKey.CryptoProviderFactory"/> is
/// wired to <see cref="EdDsaCryptoProvider"/>. IdentityModel has no EdDSA of its own (its issue #2426).
/// </summary>
/// <remarks>
/// A verification key holds only the 32-byte public key. A signing key holds an NSec <see cref="Key"/>
/// whose private half never leaves secure memory unless its export policy allows it; <see cref="ToString"/>
/// never prints key material. Dispose a signing key when done with it.
/// </remarks>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey, IDisposable
{
    private readonly Key? _privateKey;

    /// <summary>Creates a verification-only key from a 32-byte raw public key.</summary>
    /// <exception cref="ArgumentException">The bytes are not a 32-byte Ed25519 public key.</exception>
    public Ed25519SecurityKey(ReadOnlySpan<byte> publicKey, string? keyId = null)
    {
        if (publicKey.Length != SignatureAlgorithm.Ed25519.PublicKeySize ||
            !PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var imported) ||
            imported is null)
        {
            throw new ArgumentException("An Ed25519 public key is exactly 32 bytes.", nameof(publicKey));
        }

        PublicKey = imported;
        PublicKeyBytes = publicKey.ToArray();
        KeyId = keyId ?? Jwk.Ed25519Thumbprint(publicKey);
        CryptoProviderFactory = EdDsa.ProviderFactory;
    }

    /// <summary>Creates a signing key that takes ownership of <paramref name="privateKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public Ed25519SecurityKey(Key privateKey, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("Only Ed25519 keys are accepted.", nameof(privateKey));
        }

        _privateKey = privateKey;
        PublicKey = privateKey.PublicKey;
        PublicKeyBytes = PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = keyId ?? Jwk.Ed25519Thumbprint(PublicKeyBytes.Span);
        CryptoProviderFactory = EdDsa.ProviderFactory;
    }

    /// <summary>The NSec public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The raw 32-byte public key (the JWK <c>x</c> member, decoded).</summary>
    public ReadOnlyMemory<byte> PublicKeyBytes { get; }

    /// <summary>The RFC 7638 thumbprint of the public key.</summary>
    public string Thumbprint => Jwk.Ed25519Thumbprint(PublicKeyBytes.Span);

    /// <inheritdoc />
    public override int KeySize => 256;

#pragma warning disable CS0672 // IdentityModel still calls the obsolete member; both must answer.
    /// <inheritdoc />
    [Obsolete("Use PrivateKeyStatus.")]
    public override bool HasPrivateKey => _privateKey is not null;
#pragma warning restore CS0672

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus =>
        _privateKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

    /// <summary>Generates a fresh signing key whose private half cannot be exported.</summary>
    public static Ed25519SecurityKey Generate() =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }));

    /// <summary>Signs <paramref name="data"/>; refuses when this is a verification-only key.</summary>
    /// <exception cref="InvalidOperationException">The key has no private half.</exception>
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        if (_privateKey is null)
        {
            throw new InvalidOperationException("This Ed25519 key is verification-only.");
        }

        SignatureAlgorithm.Ed25519.Sign(_privateKey, data, signature);
    }

    /// <summary>Verifies an Ed25519 signature; never throws for bad input.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize &&
        SignatureAlgorithm.Ed25519.Verify(PublicKey, data, signature);

    /// <summary>Exports the public key as an RFC 8037 JWK (kty OKP, crv Ed25519) with this key's id.</summary>
    public JsonWebKey ToPublicJwk() => Jwk.FromEd25519PublicKey(PublicKeyBytes.Span, KeyId);

    /// <inheritdoc />
    public override string ToString() => $"Ed25519SecurityKey(kid={KeyId}, private={(_privateKey is null ? "no" : "yes")})";

    /// <inheritdoc />
    public void Dispose() => _privateKey?.Dispose();
}
