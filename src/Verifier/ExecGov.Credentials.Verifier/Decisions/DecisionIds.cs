using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ExecGov.Credentials.Verifier.Decisions;

/// <summary>
/// Decision ids: 32 lowercase hex digits, millisecond time first (so ids sort by time), then a random
/// per-process prefix and a counter. Unique without a random draw per decision, which cost more than
/// the rest of the decision bookkeeping (Guid.CreateVersion7 asks the OS for randomness every time).
/// </summary>
internal static class DecisionIds
{
    private static readonly uint ProcessPrefix = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
    private static long _counter;

    public static string Next(DateTimeOffset now)
    {
        var milliseconds = (ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFFUL;
        var counter = (ulong)Interlocked.Increment(ref _counter) & 0xFFFF_FFFF_FFFFUL;
        return string.Create(32, (milliseconds, counter), static (span, state) =>
        {
            // One vectorised hex conversion of the 16 bytes: number formatting with "x12" took its slow path and cost
            // more than the rest of the id (docs/benchmarks.md).
            Span<byte> bytes = stackalloc byte[18];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, state.milliseconds << 16);
            BinaryPrimitives.WriteUInt32BigEndian(bytes[6..], ProcessPrefix);
            BinaryPrimitives.WriteUInt64BigEndian(bytes[10..], state.counter << 16);
            Convert.TryToHexStringLower(bytes[..16], span, out _);
        });
    }
}
