using System.Diagnostics;
using System.Net.Http.Headers;

namespace ExecGov.Credentials.LoadTest;

/// <summary>
/// Drives one endpoint with <c>concurrency</c> loops on one shared client until the duration passes or the prepared
/// bodies run out, whichever comes first. Every answer is read in full and checked.
/// </summary>
internal static class LoadPhase
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <param name="reuse">Whether bodies may be sent again (the trivial endpoint ignores them); verify bodies are used once, each proof fresh.</param>
    public static async Task<PhaseResult> RunAsync(string name, HttpClient http, Uri target, byte[][] bodies, int concurrency, TimeSpan duration, ReadOnlyMemory<byte> expected, bool reuse = false)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(bodies.Length / concurrency + 16);
            var failures = 0;
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                if (reuse)
                {
                    index %= bodies.Length;
                }
                else if (index >= bodies.Length)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = Json;
                using var response = await http.PostAsync(target, content).ConfigureAwait(false);
                var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                latencies.Add(Stopwatch.GetTimestamp() - started);
                if (!response.IsSuccessStatusCode || answer.AsSpan().IndexOf(expected.Span) < 0)
                {
                    failures++;
                }
            }

            return (latencies, failures);
        })).ToArray();

        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new PhaseResult(name, all.Length, results.Sum(r => r.failures), elapsed, all, Exhausted: !reuse && Volatile.Read(ref next) >= bodies.Length);
    }
}

/// <summary>One measured phase: requests, failures (non-2xx or an unexpected answer), wall time and sorted latencies (Stopwatch ticks).</summary>
internal sealed record PhaseResult(string Name, int Requests, int Failures, TimeSpan Elapsed, long[] SortedLatencies, bool Exhausted)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

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
