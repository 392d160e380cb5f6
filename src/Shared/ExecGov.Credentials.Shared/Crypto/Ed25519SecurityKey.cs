using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Crypto;

/// <summary>
/// An Ed25519 public key (RFC 8037) for verification, usable by Microsoft.IdentityModel as well: <c>JsonWebTokenHandler</c>
/// validates <c>EdDSA</c> tokens with it because its <see cref="SecurityKey.CryptoProviderFactory"/> is wired to
/// <see cref="EdDsaCryptoProvider"/>. IdentityModel has no EdDSA of its own (its issue #2426).
/// </summary>
/// <remarks>
/// Verification only, by construction: the one constructor takes the 32-byte public key, and nothing here can hold,
/// import or generate a private key. Signing keys live with their owners (the issuer's keyset, the agent's holder
/// key), so a verifier that references this library ships no private-key code.
/// </remarks>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey
{
    /// <summary>Creates a verification key from a 32-byte raw public key.</summary>
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
        Thumbprint = Jwk.Ed25519Thumbprint(publicKey);
        KeyId = keyId ?? Thumbprint;
        CryptoProviderFactory = EdDsa.ProviderFactory;
    }

    /// <summary>The NSec public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The raw 32-byte public key (the JWK <c>x</c> member, decoded).</summary>
    public ReadOnlyMemory<byte> PublicKeyBytes { get; }

    /// <summary>The RFC 7638 thumbprint of the public key.</summary>
    public string Thumbprint { get; }

    /// <inheritdoc />
    public override int KeySize => 256;

#pragma warning disable CS0672 // IdentityModel still calls the obsolete member; both must answer.
    /// <inheritdoc />
    [Obsolete("Use PrivateKeyStatus.")]
    public override bool HasPrivateKey => false;
#pragma warning restore CS0672

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus => PrivateKeyStatus.DoesNotExist;

    /// <summary>Verifies an Ed25519 signature; never throws for bad input.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize &&
        SignatureAlgorithm.Ed25519.Verify(PublicKey, data, signature);

    /// <summary>Exports the key as an RFC 8037 JWK (kty OKP, crv Ed25519) with this key's id.</summary>
    public JsonWebKey ToPublicJwk() => Jwk.FromEd25519PublicKey(PublicKeyBytes.Span, KeyId);

    /// <inheritdoc />
    public override string ToString() => $"Ed25519SecurityKey(kid={KeyId})";
}
