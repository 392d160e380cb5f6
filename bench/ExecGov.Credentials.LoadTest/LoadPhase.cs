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
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
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
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new PhaseResult(name, all.Length, results.Sum(r => r.failures), elapsed, cpu, all, Exhausted: !reuse && Volatile.Read(ref next) >= bodies.Length);
    }
}
