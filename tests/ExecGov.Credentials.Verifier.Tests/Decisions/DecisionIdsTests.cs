using System.Globalization;
using ExecGov.Credentials.Verifier.Decisions;

namespace ExecGov.Credentials.Verifier.Tests.Decisions;

/// <summary>Decision ids keep their documented layout: millisecond time, process prefix, counter, in lowercase hex.</summary>
public sealed class DecisionIdsTests
{
    [Fact]
    public void An_id_is_the_time_the_process_prefix_and_a_rising_counter_in_lowercase_hex()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 30, 15, 123, TimeSpan.Zero);
        var first = DecisionIds.Next(now);
        var second = DecisionIds.Next(now.AddMilliseconds(1));

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(now.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture), first[..12]);
        Assert.Equal((now.ToUnixTimeMilliseconds() + 1).ToString("x12", CultureInfo.InvariantCulture), second[..12]);
        Assert.Equal(first[12..20], second[12..20]);

        // Other tests make decisions in parallel, so the counter may have moved by more than one; it never goes back.
        Assert.True(ulong.Parse(second[20..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) >
                    ulong.Parse(first[20..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
