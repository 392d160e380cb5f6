using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>
/// Maps a list's allocation counter (0, 1, 2, …) to the index handed out, through a keyed pseudorandom permutation
/// of <c>[0, size)</c>: indices are unique (a bijection) yet say nothing about issuance order, so an observer of the
/// public lists cannot tell which entries belong to credentials issued together or how many were issued when (the
/// Token Status List draft's privacy considerations ask issuers for exactly this). The counter stays the durable
/// state, so allocation remains one integer per list and crash recovery is unchanged.
/// </summary>
/// <remarks>
/// Written here because .NET has no format-preserving permutation over an arbitrary domain. It is the textbook
/// construction: a balanced Feistel network on the smallest even number of bits covering <c>size</c>, with
/// HMAC-SHA256 under the list's 256-bit key as round function, and cycle-walking to stay inside <c>[0, size)</c>
/// (Black and Rogaway, "Ciphers with Arbitrary Finite Domains", 2002). Eight rounds; the domain is at most four
/// times <c>size</c>, so fewer than four walks are expected.
/// </remarks>
internal static class IndexPermutation
{
    private const int Rounds = 8;

    /// <summary>The index for allocation number <paramref name="counter"/>; the counter itself when <paramref name="key"/> is null (lists started before keys existed).</summary>
    public static int Map(byte[]? key, int size, int counter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(counter, size);
        if (key is null)
        {
            return counter;
        }

        var bits = Math.Max(2, BitOperations.Log2((uint)(size - 1)) + 1);
        bits += bits & 1;
        var half = bits / 2;
        var value = (uint)counter;
        do
        {
            value = Encrypt(key, half, value);
        }
        while (value >= (uint)size);

        return (int)value;
    }

    /// <summary>A fresh 256-bit key for a new list.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    private static uint Encrypt(byte[] key, int half, uint value)
    {
        var mask = (1u << half) - 1;
        var left = value >> half;
        var right = value & mask;
        Span<byte> input = stackalloc byte[8];
        Span<byte> output = stackalloc byte[HMACSHA256.HashSizeInBytes];
        for (var round = 0; round < Rounds; round++)
        {
            BinaryPrimitives.WriteInt32BigEndian(input, round);
            BinaryPrimitives.WriteUInt32BigEndian(input[4..], right);
            HMACSHA256.HashData(key, input, output);
            var next = left ^ (BinaryPrimitives.ReadUInt32BigEndian(output) & mask);
            left = right;
            right = next;
        }

        return (left << half) | right;
    }
}
