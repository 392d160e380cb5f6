using System.Buffers;
using System.Buffers.Text;

namespace ExecGov.Credentials.Crypto;

/// <summary>Unpadded base64url decoding (RFC 7515 §2) that answers bad input with false, never an exception.</summary>
/// <remarks>
/// <see cref="Base64Url.TryDecodeFromChars(ReadOnlySpan{char}, Span{byte}, out int)"/> is "try" only about the
/// destination's size: a segment of impossible length, a stray character or non-zero trailing bits throw
/// <see cref="FormatException"/>, which on a verification path would turn a malformed input into a fault instead of
/// its reason code. The operation-status overload reports them instead, but like every .NET base64url decoder it
/// skips white space and accepts padding, which JOSE forbids: the alphabet is checked first.
/// </remarks>
public static class Base64UrlStrict
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Whether <paramref name="encoded"/> holds only characters of the unpadded base64url alphabet.</summary>
    public static bool IsAlphabet(ReadOnlySpan<char> encoded) => encoded.IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>
    /// Decodes all of <paramref name="source"/> into <paramref name="destination"/>; false for any character outside the
    /// base64url alphabet (padding and white space included), an impossible length, non-zero trailing bits or a
    /// destination too small.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        return IsAlphabet(source) &&
            Base64Url.DecodeFromChars(source, destination, out var consumed, out bytesWritten) == OperationStatus.Done &&
            consumed == source.Length;
    }
}
