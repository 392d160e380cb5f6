using System.Buffers.Text;
using System.IO.Compression;

namespace ExecGov.Credentials.Status;

/// <summary>
/// A packed status list: <see cref="Bits"/> bits per entry, entry <c>idx</c> starting at bit <c>idx * bits</c>
/// counted from the least significant bit of byte 0 (draft-ietf-oauth-status-list §4.1). Encoded as the
/// <c>lst</c> member: base64url without padding of the bytes compressed with DEFLATE in the ZLIB format
/// (RFC 1950/1951) at the highest compression level (§4.1 recommends it).
/// </summary>
/// <remarks>
/// Not thread-safe: writers hold their own copy; readers that share a list treat it as immutable and use
/// <see cref="Clone"/> to make a changed copy (copy-on-write), so a reader never sees half an update.
/// </remarks>
public sealed class StatusList
{
    private readonly byte[] _bytes;
    private readonly int _mask;

    /// <summary>Creates a list of at least <paramref name="capacity"/> entries, all <see cref="StatusValue.Valid"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not 1, 2, 4 or 8, or the capacity is not positive.</exception>
    public StatusList(int capacity, int bits)
    {
        CheckBits(bits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Bits = bits;
        _mask = (1 << bits) - 1;
        _bytes = new byte[(int)(((long)capacity * bits + 7) / 8)];
    }

    private StatusList(byte[] bytes, int bits)
    {
        Bits = bits;
        _mask = (1 << bits) - 1;
        _bytes = bytes;
    }

    /// <summary>Bits per entry: 1, 2, 4 or 8 (§4.1 <c>bits</c>).</summary>
    public int Bits { get; }

    /// <summary>How many entries the byte array holds (a list may be padded to a whole byte).</summary>
    public int Capacity => (int)((long)_bytes.Length * 8 / Bits);

    /// <summary>The uncompressed bytes, in wire order.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Wraps uncompressed bytes (copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not 1, 2, 4 or 8.</exception>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is empty.</exception>
    public static StatusList FromBytes(ReadOnlySpan<byte> bytes, int bits)
    {
        CheckBits(bits);
        if (bytes.IsEmpty)
        {
            throw new ArgumentException("A status list has at least one byte.", nameof(bytes));
        }

        return new StatusList(bytes.ToArray(), bits);
    }

    /// <summary>The status at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list.</exception>
    public StatusValue Get(int index)
    {
        CheckIndex(index);
        var bit = (long)index * Bits;
        return (StatusValue)((_bytes[(int)(bit >> 3)] >> (int)(bit & 7)) & _mask);
    }

    /// <summary>Answers the status at <paramref name="index"/>, or false when the index is outside the list.</summary>
    public bool TryGet(int index, out StatusValue value)
    {
        if (index < 0 || index >= Capacity)
        {
            value = default;
            return false;
        }

        value = Get(index);
        return true;
    }

    /// <summary>Sets the status at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list or the value needs more bits than the list has.</exception>
    public void Set(int index, StatusValue value)
    {
        CheckIndex(index);
        if ((int)value > _mask)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"A {Bits}-bit list cannot hold status {(int)value}.");
        }

        var bit = (long)index * Bits;
        var shift = (int)(bit & 7);
        ref var b = ref _bytes[(int)(bit >> 3)];
        b = (byte)((b & ~(_mask << shift)) | ((int)value << shift));
    }

    /// <summary>A deep copy (for copy-on-write updates).</summary>
    public StatusList Clone() => new((byte[])_bytes.Clone(), Bits);

    /// <summary>The <c>lst</c> member: base64url (no padding) of the ZLIB-compressed bytes, highest compression.</summary>
    public string Encode()
    {
        using var buffer = new MemoryStream(Math.Max(64, _bytes.Length / 8));
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(_bytes);
        }

        return Base64Url.EncodeToString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// Decodes an <c>lst</c> member. Never throws for bad input: false for bad base64url, a bad ZLIB stream,
    /// an empty list, or a list that inflates past <paramref name="maxBytes"/> (a compression bomb).
    /// </summary>
    public static bool TryDecode(string? lst, int bits, int maxBytes, out StatusList? list)
    {
        list = null;
        if (string.IsNullOrEmpty(lst) || bits is not (1 or 2 or 4 or 8) || maxBytes <= 0 ||
            lst.AsSpan().IndexOfAny('=', '+', '/') >= 0)
        {
            return false;
        }

        byte[] compressed;
        try
        {
            compressed = Base64Url.DecodeFromChars(lst);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = zlib.Read(chunk)) > 0)
            {
                // Stop inflating as soon as the limit is passed rather than after the whole bomb is out.
                if (output.Length + read > maxBytes)
                {
                    return false;
                }

                output.Write(chunk, 0, read);
            }

            if (output.Length == 0)
            {
                return false;
            }

            list = new StatusList(output.ToArray(), bits);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static void CheckBits(int bits)
    {
        if (bits is not (1 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "A status list has 1, 2, 4 or 8 bits per entry.");
        }
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The list holds {Capacity} entries.");
        }
    }
}
