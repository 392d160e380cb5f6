using System.Buffers.Text;
using System.IO.Compression;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Tests.Status;

public sealed class StatusListTests
{
    // draft-ietf-oauth-status-list §4.1, 1-bit example: bytes b9 a3.
    [Fact]
    public void Decode_reads_the_drafts_one_bit_example_lsb_first()
    {
        Assert.True(StatusList.TryDecode("eNrbuRgAAhcBXQ", bits: 1, maxBytes: 1024, out var list));
        Assert.Equal(new byte[] { 0xb9, 0xa3 }, list!.Bytes.ToArray());
        int[] expected = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];
        Assert.Equal(expected, Enumerable.Range(0, 16).Select(i => (int)list.Get(i)));
        Assert.Equal(16, list.Capacity);
    }

    // draft-ietf-oauth-status-list §4.1, 2-bit example: bytes c9 44 f9.
    [Fact]
    public void Decode_reads_the_drafts_two_bit_example()
    {
        Assert.True(StatusList.TryDecode("eNo76fITAAPfAgc", bits: 2, maxBytes: 1024, out var list));
        Assert.Equal(new byte[] { 0xc9, 0x44, 0xf9 }, list!.Bytes.ToArray());
        int[] expected = [1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3];
        Assert.Equal(expected, Enumerable.Range(0, 12).Select(i => (int)list.Get(i)));
    }

    [Fact]
    public void Setting_the_drafts_one_bit_statuses_produces_its_bytes()
    {
        var list = new StatusList(16, bits: 1);
        int[] statuses = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];
        for (var i = 0; i < statuses.Length; i++)
        {
            list.Set(i, (StatusValue)statuses[i]);
        }

        Assert.Equal(new byte[] { 0xb9, 0xa3 }, list.Bytes.ToArray());
    }

    [Fact]
    public void Two_bit_list_round_trips_through_lst()
    {
        var random = new Random(4);
        var list = new StatusList(10_000, bits: 2);
        var expected = new StatusValue[10_000];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = (StatusValue)random.Next(0, 3);
            list.Set(i, expected[i]);
        }

        var lst = list.Encode();
        Assert.DoesNotContain('=', lst);
        Assert.True(StatusList.TryDecode(lst, 2, 1 << 20, out var decoded));
        Assert.Equal(list.Bytes.ToArray(), decoded!.Bytes.ToArray());
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], decoded.Get(i));
        }
    }

    [Fact]
    public void Encode_writes_a_zlib_stream_rfc1950()
    {
        var list = new StatusList(8, bits: 2);
        list.Set(3, StatusValue.Suspended);
        var compressed = Base64Url.DecodeFromChars(list.Encode());
        // RFC 1950 §2.2: CM = 8 (deflate), and CMF*256+FLG is a multiple of 31.
        Assert.Equal(8, compressed[0] & 0x0f);
        Assert.Equal(0, ((compressed[0] << 8) | compressed[1]) % 31);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(list.Bytes.ToArray(), inflated.ToArray());
    }

    [Fact]
    public void Set_changes_only_its_own_entry()
    {
        var list = new StatusList(8, bits: 2);
        list.Set(5, StatusValue.Suspended);
        list.Set(4, StatusValue.Invalid);
        list.Set(5, StatusValue.Valid);
        Assert.Equal(StatusValue.Invalid, list.Get(4));
        Assert.Equal(StatusValue.Valid, list.Get(5));
        Assert.Equal(StatusValue.Valid, list.Get(6));
    }

    [Fact]
    public void Clone_is_independent()
    {
        var list = new StatusList(8, bits: 2);
        var copy = list.Clone();
        copy.Set(1, StatusValue.Invalid);
        Assert.Equal(StatusValue.Valid, list.Get(1));
        Assert.Equal(StatusValue.Invalid, copy.Get(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(16)]
    public void Constructor_refuses_unsupported_bits(int bits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusList(8, bits));

    [Fact]
    public void Set_refuses_a_value_wider_than_the_list() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusList(8, bits: 1).Set(0, StatusValue.Suspended));

    [Fact]
    public void TryGet_is_false_outside_the_list()
    {
        var list = new StatusList(4, bits: 2);
        Assert.False(list.TryGet(4, out _));
        Assert.False(list.TryGet(-1, out _));
        Assert.True(list.TryGet(3, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("eNrbuRgAAhcBXQ==")]
    [InlineData("AAAA")]
    public void TryDecode_refuses_bad_input_without_throwing(string lst) =>
        Assert.False(StatusList.TryDecode(lst, 1, 1024, out _));

    [Fact]
    public void TryDecode_refuses_a_list_that_inflates_past_the_limit()
    {
        var lst = new StatusList(8 * 1024 * 1024, bits: 1).Encode();
        Assert.True(lst.Length < 20_000);
        Assert.False(StatusList.TryDecode(lst, 1, maxBytes: 1024 * 1024 - 1, out _));
        Assert.True(StatusList.TryDecode(lst, 1, maxBytes: 1024 * 1024, out _));
    }
}
