using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Crypto;

/// <summary>RFC 8037 Ed25519 JWKs and their RFC 7638 thumbprints.</summary>
public static class Jwk
{
    private const int PublicKeySize = 32;

    /// <summary>
    /// The RFC 7638 thumbprint of an Ed25519 public key: base64url(SHA-256(<c>{"crv":"Ed25519","kty":"OKP","x":…}</c>)).
    /// </summary>
    /// <remarks>
    /// Written here because IdentityModel's <c>JsonWebKey.ComputeJwkThumbprint</c> knows only RSA, EC and
    /// oct keys. The members are in lexicographic order with no white space, as RFC 7638 §3.3 requires.
    /// </remarks>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static string Ed25519Thumbprint(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize)
        {
            throw new ArgumentException("An Ed25519 public key is exactly 32 bytes.", nameof(publicKey));
        }

        // 32 bytes encode to 43 base64url characters; the canonical JSON is therefore 80 bytes.
        ReadOnlySpan<byte> prefix = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""u8;
        Span<byte> json = stackalloc byte[prefix.Length + 43 + 2];
        prefix.CopyTo(json);
        Base64Url.EncodeToUtf8(publicKey, json[prefix.Length..]);
        json[^2] = (byte)'"';
        json[^1] = (byte)'}';
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, hash);
        return Base64Url.EncodeToString(hash);
    }

    /// <summary>A public JWK (kty OKP, crv Ed25519, use sig, alg EdDSA) for a raw public key.</summary>
    public static JsonWebKey FromEd25519PublicKey(ReadOnlySpan<byte> publicKey, string? keyId = null) => new()
    {
        Kty = EdDsa.KeyType,
        Crv = EdDsa.Curve,
        X = Base64Url.EncodeToString(publicKey),
        Kid = keyId ?? Ed25519Thumbprint(publicKey),
        Use = JsonWebKeyUseNames.Sig,
        Alg = EdDsa.Algorithm,
    };

    /// <summary>
    /// Reads the raw public key of an Ed25519 JWK. Refuses anything else: another key type or curve, a
    /// <c>use</c> other than <c>sig</c>, an <c>alg</c> other than <c>EdDSA</c>, an <c>x</c> that is not 32
    /// bytes of base64url, or (when <paramref name="refusePrivate"/>) a JWK carrying a private <c>d</c>.
    /// </summary>
    public static bool TryGetEd25519PublicKey(JsonWebKey jwk, bool refusePrivate, out byte[] publicKey, out string error)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        publicKey = [];
        if (!string.Equals(jwk.Kty, EdDsa.KeyType, StringComparison.Ordinal) ||
            !string.Equals(jwk.Crv, EdDsa.Curve, StringComparison.Ordinal))
        {
            error = "The key must be an Ed25519 JWK (kty \"OKP\", crv \"Ed25519\").";
            return false;
        }

        if (jwk.Use is { Length: > 0 } use && !string.Equals(use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal))
        {
            error = "The key's \"use\" must be \"sig\".";
            return false;
        }

        if (jwk.Alg is { Length: > 0 } alg && !string.Equals(alg, EdDsa.Algorithm, StringComparison.Ordinal))
        {
            error = "The key's \"alg\" must be \"EdDSA\".";
            return false;
        }

        if (refusePrivate && !string.IsNullOrEmpty(jwk.D))
        {
            error = "A public JWK must not carry the private member \"d\".";
            return false;
        }

        if (!TryDecode(jwk.X, PublicKeySize, out publicKey))
        {
            error = "The key's \"x\" must be 32 bytes of unpadded base64url.";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Decodes unpadded, canonical base64url of an exact length; false for anything else (key members of a JWK).</summary>
    public static bool TryDecode(string? value, int expectedLength, out byte[] bytes)
    {
        bytes = [];
        if (value is null || Base64Url.GetMaxDecodedLength(value.Length) < expectedLength || value.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(value.Length)];
        if (!Base64UrlStrict.TryDecode(value, buffer, out var written) || written != expectedLength)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        bytes = buffer.Length == written ? buffer : buffer[..written];
        if (!ReferenceEquals(bytes, buffer))
        {
            CryptographicOperations.ZeroMemory(buffer);
        }

        // Reject non-canonical encodings (trailing bits set), so one key has exactly one text form.
        return string.Equals(Base64Url.EncodeToString(bytes), value, StringComparison.Ordinal);
    }
}
