using System.Globalization;

namespace ExecGov.Credentials.Propagation;

/// <summary>The propagation latencies of one run (milliseconds from the revoke call's success to the first denial) and how to print them.</summary>
internal sealed record LatencyReport(string Mode, IReadOnlyList<double> Milliseconds, int Failures, int OtherDenials, TimeSpan Duration, string LoadBefore, string LoadAfter)
{
    /// <summary>Nearest-rank percentile: the smallest sample with at least <paramref name="percent"/> % of the samples at or below it.</summary>
    public double Percentile(double percent)
    {
        if (Milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static void WriteTable(IEnumerable<LatencyReport> reports, TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        output.WriteLine("| mode | revocations | p50 | p90 | p99 | max | mean | failures | other denials seen | load avg before → after | run time |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in reports)
        {
            var mean = r.Milliseconds.Count == 0 ? double.NaN : r.Milliseconds.Average();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Mode} | {r.Milliseconds.Count} | {Ms(r.Percentile(50))} | {Ms(r.Percentile(90))} | {Ms(r.Percentile(99))} | {Ms(r.Percentile(100))} | {Ms(mean)} | {r.Failures} | {r.OtherDenials} | {r.LoadBefore} → {r.LoadAfter} | {r.Duration.TotalSeconds:0} s |"));
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");
}
