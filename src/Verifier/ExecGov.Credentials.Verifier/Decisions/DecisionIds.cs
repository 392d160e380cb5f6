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
            state.milliseconds.TryFormat(span[..12], out _, "x12");
            ProcessPrefix.TryFormat(span.Slice(12, 8), out _, "x8");
            state.counter.TryFormat(span[20..], out _, "x12");
        });
    }
}
