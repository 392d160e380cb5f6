using System.Diagnostics;
using System.Globalization;

namespace ExecGov.Credentials.Benchmarks;

/// <summary>
/// The verification ratios measured in interleaved pairs, for machines whose neighbours make BenchmarkDotNet's
/// ratios unreliable (docs/benchmarks.md shows how far apart its runs of the same build fell on the reference VM).
/// BenchmarkDotNet measures each case in turn, so a neighbour's burst of a few seconds lands on one row and not on its
/// baseline. Here every round makes fresh inputs as a BenchmarkDotNet iteration does (same
/// <see cref="VerificationBenchmarks"/> code, then a full collection), runs all rows in alternating chunks, each timed
/// after a few untimed operations, and takes a row's ratio for the round as its time over the baseline's time in that
/// same round; the report gives, per row, the median over rounds and the quartiles. Written by hand: BenchmarkDotNet
/// has no interleaved mode.
/// </summary>
internal static class PairedRatios
{
    private const int ChunksPerRound = 4;
    private const int WarmupRounds = 10;

    // Untimed operations at the start of each chunk: a row's first operations after another row ran pay for the
    // caches and branch predictors that row disturbed, which BenchmarkDotNet's one-row-at-a-time runs never see.
    private const int WarmupPerChunk = 32;

    public static void Run(int rounds, int chunk)
    {
        var bench = new VerificationBenchmarks { InputsPerIteration = (chunk + WarmupPerChunk) * ChunksPerRound };
        bench.Setup();
        (string Name, Func<object> Operation)[] rows =
        [
            ("Raw NSec Ed25519 verify (same signing input)", () => bench.RawEd25519Verify()),
            ("Two raw NSec Ed25519 verifies (fresh inputs)", () => bench.TwoRawEd25519Verifies()),
            ("Raw NSec Ed25519 verify of a fresh proof's input", () => bench.RawEd25519VerifyOfAFreshProof()),
            ("ExecGov: fresh credential + fresh proof", () => bench.FreshCredentialFreshProof()),
            ("ExecGov: repeated credential + fresh proof", () => bench.RepeatedCredentialFreshProof()),
            ("JsonWebTokenHandler: ES256 token (peer)", () => bench.JsonWebTokenHandlerEs256()),
        ];

        var ratios = rows.Select(_ => new List<double>()).ToArray();
        var micros = rows.Select(_ => new List<double>()).ToArray();
        var ticks = new long[rows.Length];
        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            bench.SetupFresh();
            bench.SetupRepeated();
            bench.SetupTwoRaw();
            Array.Clear(ticks);
            for (var c = 0; c < ChunksPerRound; c++)
            {
                // Rotating the order keeps any row from always following the same one.
                for (var k = 0; k < rows.Length; k++)
                {
                    var row = (k + c + round) % rows.Length;
                    var operation = rows[row].Operation;
                    for (var i = 0; i < WarmupPerChunk; i++)
                    {
                        operation();
                    }

                    var start = Stopwatch.GetTimestamp();
                    for (var i = 0; i < chunk; i++)
                    {
                        operation();
                    }

                    ticks[row] += Stopwatch.GetTimestamp() - start;
                }
            }

            if (round < WarmupRounds)
            {
                continue;
            }

            for (var row = 0; row < rows.Length; row++)
            {
                ratios[row].Add((double)ticks[row] / ticks[0]);
                micros[row].Add(Stopwatch.GetElapsedTime(0, ticks[row]).TotalMicroseconds / (chunk * ChunksPerRound));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of {ChunksPerRound} interleaved chunks of {chunk} operations per row"));
        Console.WriteLine("| row | median time | median ratio | ratio, 25th–75th percentile |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var row = 0; row < rows.Length; row++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {rows[row].Name} | {Percentile(micros[row], 0.5):0.0} µs | {Percentile(ratios[row], 0.5):0.000} | {Percentile(ratios[row], 0.25):0.000}–{Percentile(ratios[row], 0.75):0.000} |"));
        }

        bench.Cleanup();
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
