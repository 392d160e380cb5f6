using System.Globalization;

namespace ExecGov.Credentials.Propagation;

/// <summary>The propagation latencies of one run and how to print them.</summary>
internal sealed record LatencyReport(string Mode, IReadOnlyList<Sample> Samples, int Failures, int OtherDenials, TimeSpan Duration, string LoadBefore, string LoadAfter)
{
    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static void WriteTable(IReadOnlyList<LatencyReport> reports, TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        output.WriteLine();
        output.WriteLine("From the revoke call's success to the first denial (revoked) at the verifier endpoint:");
        output.WriteLine();
        output.WriteLine("| mode | revocations | p50 | p90 | p99 | max | mean | failures | other denials seen | load avg before → after | run time |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in reports)
        {
            var values = r.Samples.Select(s => s.FromSuccess).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Mode} | {values.Count} | {Ms(Percentile(values, 50))} | {Ms(Percentile(values, 90))} | {Ms(Percentile(values, 99))} | {Ms(Percentile(values, 100))} | {Ms(values.Count == 0 ? double.NaN : values.Average())} | {r.Failures} | {r.OtherDenials} | {r.LoadBefore} → {r.LoadAfter} | {r.Duration.TotalSeconds:0} s |"));
        }

        output.WriteLine();
        output.WriteLine("From the act's changed_at (the commit) to the first denial, and the revoke call itself:");
        output.WriteLine();
        output.WriteLine("| mode | from commit p50 | p99 | max | revoke call p50 | p99 | max |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in reports)
        {
            var commit = r.Samples.Select(s => s.FromCommit).ToList();
            var call = r.Samples.Select(s => s.RevokeCall).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Mode} | {Ms(Percentile(commit, 50))} | {Ms(Percentile(commit, 99))} | {Ms(Percentile(commit, 100))} | {Ms(Percentile(call, 50))} | {Ms(Percentile(call, 99))} | {Ms(Percentile(call, 100))} |"));
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");
}
