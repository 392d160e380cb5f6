using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Jose;

/// <summary>
/// Encodes a JWS compact token (RFC 7515 §7.1) signed with EdDSA: header <c>{"alg":"EdDSA","typ":…,"kid":…}</c>,
/// with the signer's public key as <c>jwk</c> when the token kind carries it (a holder proof). The one encoder of
/// every token kind; the key that signs is the caller's (<see cref="IJwsSigner"/>).
/// </summary>
public static class CompactJwsWriter
{
    private const int SignatureLength = 64;

    /// <summary>Signs <paramref name="payloadJson"/> (UTF-8 JSON) as a token of type <paramref name="type"/>.</summary>
    /// <param name="payloadJson">The claims, already serialized.</param>
    /// <param name="type">The header's <c>typ</c> (one of <c>TokenTypes</c>, or another explicit type).</param>
    /// <param name="signer">The key that signs; its <c>KeyId</c> becomes the header's <c>kid</c>.</param>
    /// <param name="embeddedPublicKey">When not empty, the 32-byte Ed25519 public key written as the header's <c>jwk</c> (RFC 9449 §4.2).</param>
    /// <exception cref="ArgumentException">The payload or type is empty, or the embedded key is not 32 bytes.</exception>
    public static string Sign(ReadOnlySpan<byte> payloadJson, string type, IJwsSigner signer, ReadOnlySpan<byte> embeddedPublicKey = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(signer);
        if (payloadJson.IsEmpty)
        {
            throw new ArgumentException("A token needs a payload.", nameof(payloadJson));
        }

        if (!embeddedPublicKey.IsEmpty && embeddedPublicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key is exactly 32 bytes.", nameof(embeddedPublicKey));
        }

        var header = new ArrayBufferWriter<byte>(160);
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteString("alg"u8, EdDsa.Algorithm);
            json.WriteString("typ"u8, type);
            if (!string.IsNullOrEmpty(signer.KeyId))
            {
                json.WriteString("kid"u8, signer.KeyId);
            }

            if (!embeddedPublicKey.IsEmpty)
            {
                json.WriteStartObject("jwk"u8);
                json.WriteString("kty"u8, EdDsa.KeyType);
                json.WriteString("crv"u8, EdDsa.Curve);
                json.WriteString("x"u8, Base64Url.EncodeToString(embeddedPublicKey));
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var headerLength = Base64Url.GetEncodedLength(header.WrittenCount);
        var payloadLength = Base64Url.GetEncodedLength(payloadJson.Length);
        var signingInputLength = headerLength + 1 + payloadLength;
        var token = new byte[signingInputLength + 1 + Base64Url.GetEncodedLength(SignatureLength)];
        Base64Url.EncodeToUtf8(header.WrittenSpan, token);
        token[headerLength] = (byte)'.';
        Base64Url.EncodeToUtf8(payloadJson, token.AsSpan(headerLength + 1));
        token[signingInputLength] = (byte)'.';
        Span<byte> signature = stackalloc byte[SignatureLength];
        signer.Sign(token.AsSpan(0, signingInputLength), signature);
        Base64Url.EncodeToUtf8(signature, token.AsSpan(signingInputLength + 1));
        return System.Text.Encoding.ASCII.GetString(token);
    }
}
