using System.Buffers.Text;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Tests.Crypto;

/// <summary>Unpadded base64url decoding answers every kind of bad input with false instead of throwing.</summary>
public sealed class Base64UrlStrictTests
{
    [Theory]
    [InlineData("a")] // impossible length
    [InlineData("abcde")] // impossible length
    [InlineData("ab")] // non-zero trailing bits ("b" leaves 4 bits set)
    [InlineData("aQ=")] // padding
    [InlineData("aQ==")] // padding
    [InlineData("a+Q")] // standard base64, not base64url
    [InlineData("a/Q")]
    [InlineData("a Q")] // white space
    [InlineData("aé")]
    public void Bad_input_is_false_not_an_exception(string encoded)
    {
        Assert.False(Base64UrlStrict.TryDecode(encoded, new byte[16], out _));
    }

    [Fact]
    public void Destination_too_small_is_false()
    {
        Assert.False(Base64UrlStrict.TryDecode("AAAAAAAA", new byte[5], out _));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xFB })]
    [InlineData(new byte[] { 0xFB, 0xFF })]
    [InlineData(new byte[] { 0xFB, 0xFF, 0xBF, 0x00 })]
    public void Canonical_base64url_round_trips(byte[] bytes)
    {
        var destination = new byte[8];
        Assert.True(Base64UrlStrict.TryDecode(Base64Url.EncodeToString(bytes), destination, out var written));
        Assert.Equal(bytes, destination[..written]);
    }
}
