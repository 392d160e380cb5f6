using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ExecGov.Credentials.Verifier.Decisions;

/// <summary>
/// Decision ids: 32 lowercase hex digits, the millisecond Unix time in the first 12 (so ids sort by time), then 80
/// bits from <see cref="RandomNumberGenerator"/>. Unguessable, so no one can claim another verifier's next ids in
/// the audit trail ahead of it. The random bits are drawn 32 ids at a time into a per-thread buffer: one call
/// to the OS's generator per 32 decisions instead of one per decision, and every id still gets its own fresh bits.
/// </summary>
internal static class DecisionIds
{
    /// <summary>Random bytes per id (80 bits).</summary>
    internal const int RandomBytes = 10;

    private const int IdsPerDraw = 32;

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _used;

    public static string Next(DateTimeOffset now)
    {
        var random = _random;
        if (random is null || _used == random.Length)
        {
            random ??= _random = new byte[RandomBytes * IdsPerDraw];
            RandomNumberGenerator.Fill(random);
            _used = 0;
        }

        var slice = random.AsSpan(_used, RandomBytes);
        _used += RandomBytes;
        var milliseconds = (ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFFUL;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, milliseconds << 16);
        slice.CopyTo(bytes[6..]);

        // Used once: cleared so a later read of this buffer (a dump) does not reveal ids not yet handed out.
        slice.Clear();

        // One vectorised hex conversion of the 16 bytes: number formatting took its slow path and cost more than the
        // rest of the id (docs/benchmarks.md).
        return Convert.ToHexStringLower(bytes);
    }
}
