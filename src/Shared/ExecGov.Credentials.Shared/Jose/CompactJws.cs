using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Jose;

/// <summary>
/// The one reader of JWS compact tokens in this project (credentials, proofs, status lists, agent assertions), used by
/// the verifier, the issuer, the agent and the command line alike. Splits and decodes a token (RFC 7515 §7.1) strictly: exactly three non-empty segments of the
/// unpadded base64url alphabet (no padding, no white space), a 64-byte signature, JSON without duplicate
/// members. Written here rather than taken from IdentityModel's <c>JsonWebToken</c> because that parser
/// accepts duplicate members (last wins) and would not give one reason code per failed check.
/// </summary>
public static class CompactJws
{
    /// <summary>The length of an Ed25519 signature, decoded.</summary>
    public const int SignatureLength = 64;
    private const int EncodedSignatureLength = 86;

    /// <summary>
    /// Finds the two dots; false unless the token has exactly three segments of the base64url alphabet with
    /// a non-empty header and payload. The signature's length is judged later, after the header, so that
    /// <c>alg: none</c> with an empty signature is reported as the algorithm problem it is.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> token, out int firstDot, out int secondDot)
    {
        firstDot = token.IndexOf('.');
        secondDot = firstDot < 0 ? -1 : token[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (firstDot <= 0 || secondDot <= firstDot + 1)
        {
            return false;
        }

        return Base64UrlStrict.IsAlphabet(token[..firstDot]) &&
               Base64UrlStrict.IsAlphabet(token[(firstDot + 1)..secondDot]) &&
               Base64UrlStrict.IsAlphabet(token[(secondDot + 1)..]);
    }

    /// <summary>Reads a decoded segment; false when it is not what the caller expects.</summary>
    private delegate bool SegmentReader<in TArg, T>(ReadOnlySpan<byte> json, TArg arg, out T? value);

    /// <summary>Decodes one base64url segment and deserializes it; false for bad base64url or JSON.</summary>
    public static bool TryDecodeJson<T>(ReadOnlySpan<char> segment, JsonTypeInfo<T> typeInfo, out T? value)
        where T : class =>
        TryDecode(segment, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info, out T? result) =>
        {
            // Duplicates anywhere, not only of the members the type maps (docs/credential-format.md).
            if (!UniqueMembers.Check(json))
            {
                result = null;
                return false;
            }

            try
            {
                result = JsonSerializer.Deserialize(json, info);
                return result is not null;
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
            {
                // Bad input from outside is a result, not an exception (see docs/reason-codes.md: malformed).
                result = null;
                return false;
            }
        }, out value);

    /// <summary>Reads decoded bytes; false when they are not what the caller expects.</summary>
    public delegate bool Utf8Reader<T>(ReadOnlySpan<byte> json, [NotNullWhen(true)] out T? value);

    /// <summary>
    /// Decodes one base64url segment and reads it with a hand-written reader (<see cref="CredentialClaimsReader"/>);
    /// false for bad base64url or whatever the reader refuses.
    /// </summary>
    public static bool TryDecode<T>(ReadOnlySpan<char> segment, Utf8Reader<T> read, [NotNullWhen(true)] out T? value) =>
        TryDecode(segment, read, static (ReadOnlySpan<byte> json, Utf8Reader<T> reader, out T? result) => reader(json, out result), out value);

    /// <summary>Decodes the 86-character signature segment into exactly 64 bytes.</summary>
    public static bool TryDecodeSignature(ReadOnlySpan<char> segment, Span<byte> signature) =>
        segment.Length == EncodedSignatureLength &&
        Base64UrlStrict.TryDecode(segment, signature, out var written) && written == SignatureLength;

    /// <summary>Reads a header that must be the JOSE header type.</summary>
    public static bool TryDecodeHeader(ReadOnlySpan<char> segment, out JoseHeader? header) =>
        TryDecodeJson(segment, CredentialJsonContext.Default.JoseHeader, out header);

    /// <summary>Decodes <paramref name="segment"/> into a pooled buffer and hands the bytes to <paramref name="read"/>.</summary>
    private static bool TryDecode<TArg, T>(ReadOnlySpan<char> segment, TArg arg, SegmentReader<TArg, T> read, out T? value)
    {
        value = default;
        var rented = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(segment.Length));
        try
        {
            return Base64UrlStrict.TryDecode(segment, rented, out var written) && read(rented.AsSpan(0, written), arg, out value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
