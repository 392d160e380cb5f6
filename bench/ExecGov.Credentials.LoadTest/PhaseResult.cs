using System.Diagnostics;

namespace ExecGov.Credentials.LoadTest;

/// <summary>
/// One measured phase: requests, failures (non-2xx or an unexpected answer), wall time, the process's CPU time
/// (server and load generator together: they share the machine) and sorted latencies (Stopwatch ticks).
/// </summary>
internal sealed record PhaseResult(string Name, int Requests, int Failures, TimeSpan Elapsed, TimeSpan Cpu, long[] SortedLatencies, bool Exhausted)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>CPU microseconds the whole process spent per request.</summary>
    public double CpuMicrosecondsPerRequest => Requests == 0 ? double.NaN : Cpu.TotalMicroseconds / Requests;

    public double Percentile(double p)
    {
        if (SortedLatencies.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Min(SortedLatencies.Length - 1, Math.Ceiling(p * SortedLatencies.Length) - 1);
        return SortedLatencies[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }
}
