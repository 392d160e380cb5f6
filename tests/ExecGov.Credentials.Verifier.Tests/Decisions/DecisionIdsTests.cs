using System.Globalization;
using ExecGov.Credentials.Verifier.Decisions;

namespace ExecGov.Credentials.Verifier.Tests.Decisions;

/// <summary>Decision ids keep their documented layout: millisecond time, then 80 random bits, in lowercase hex.</summary>
public sealed class DecisionIdsTests
{
    [Fact]
    public void An_id_is_the_time_then_80_random_bits_in_lowercase_hex()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 30, 15, 123, TimeSpan.Zero);
        var first = DecisionIds.Next(now);
        var second = DecisionIds.Next(now.AddMilliseconds(1));

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(now.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture), first[..12]);
        Assert.Equal((now.ToUnixTimeMilliseconds() + 1).ToString("x12", CultureInfo.InvariantCulture), second[..12]);
        Assert.Equal(DecisionIds.RandomBytes * 2, first.Length - 12);
    }

    [Fact]
    public void Ids_of_one_millisecond_share_no_guessable_part_after_the_time()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 30, 15, 123, TimeSpan.Zero);

        // Across several refills of the per-thread buffer. A process prefix or a counter (the old layout) would repeat
        // a prefix of the random part or make neighbours differ only in their last digits.
        var tails = Enumerable.Range(0, 200).Select(_ => DecisionIds.Next(now)[12..]).ToArray();

        Assert.Equal(tails.Length, tails.Distinct(StringComparer.Ordinal).Count());
        Assert.True(tails.Select(t => t[..8]).Distinct(StringComparer.Ordinal).Count() > 190);
        for (var i = 1; i < tails.Length; i++)
        {
            var differing = tails[i].Zip(tails[i - 1]).Count(p => p.First != p.Second);
            Assert.True(differing >= 6, $"ids {i - 1} and {i} differ in only {differing} of 20 random digits");
        }
    }
}
