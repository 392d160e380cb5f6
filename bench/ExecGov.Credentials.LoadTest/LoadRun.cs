using ExecGov.Credentials.Signing.Crypto;
using System.Globalization;
using System.Text;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.LoadTest;

/// <summary>The whole run: issuer, host, warm-up, then rounds of trivial-then-verify, and a Markdown report.</summary>
internal static class LoadRun
{
    private static readonly byte[] AllowMarker = "\"decision\":\"allow\""u8.ToArray();

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Load run: {options.Rounds} round(s) of {options.Duration.TotalSeconds:0} s per endpoint, {options.Concurrency} in flight, {options.Credentials} credentials, {Environment.ProcessorCount} cores, console logging {(options.ConsoleLogging ? "on" : "off")}.");
        await using var issuer = await RealIssuer.StartAsync();
        using var agentKey = Ed25519SigningKey.Generate();
        var credentials = await issuer.IssueAsync(agentKey, options.Credentials);
        await using var host = await LoadHost.StartAsync(issuer.IssuerId, options.ConsoleLogging);
        return await MeasureAsync(options, output, host, agentKey, credentials, cancellationToken);
    }

    private static async Task<int> MeasureAsync(LoadOptions options, TextWriter output, LoadHost host, Ed25519SigningKey agentKey, IReadOnlyList<string> credentials, CancellationToken cancellationToken)
    {

        // One client and connection pool for both endpoints: the same settings, the same concurrency.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseProxy = false,
        })
        { Timeout = TimeSpan.FromSeconds(30) };

        // Warm-up: JIT, connections, the issuer's JWKS and status list fetched and the event stream joined.
        var warmupBodies = RequestBodies.Create(agentKey, credentials, host.Verify, Math.Min(options.Proofs, 50_000));
        var warmVerify = await LoadPhase.RunAsync("warm-up verify", http, host.Verify, warmupBodies, options.Concurrency, options.Warmup, AllowMarker);
        if (warmVerify.Failures > 0)
        {
            await output.WriteLineAsync($"error: {warmVerify.Failures} of {warmVerify.Requests} warm-up verifications were not allowed; the setup is wrong.");
            return 1;
        }

        await LoadPhase.RunAsync("warm-up trivial", http, host.Trivial, warmupBodies, options.Concurrency, options.Warmup, AllowMarker, reuse: true);

        var results = new List<(PhaseResult Trivial, PhaseResult Verify)>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bodies = RequestBodies.Create(agentKey, credentials, host.Verify, options.Proofs);
            if (options.VerifyOnly)
            {
                var alone = await LoadPhase.RunAsync("verify", http, host.Verify, bodies, options.Concurrency, options.Duration, AllowMarker);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"round {round}: verify {alone.RequestsPerSecond:N0} req/s, {alone.CpuMicrosecondsPerRequest:0} µs CPU/req, p50 {alone.Percentile(0.5):0.00} ms, p99 {alone.Percentile(0.99):0.00} ms, failures {alone.Failures}"));
                continue;
            }

            var trivial = await LoadPhase.RunAsync("trivial", http, host.Trivial, bodies, options.Concurrency, options.Duration, AllowMarker, reuse: true);
            var verify = await LoadPhase.RunAsync("verify", http, host.Verify, bodies, options.Concurrency, options.Duration, AllowMarker);
            results.Add((trivial, verify));
            await output.WriteLineAsync(Describe(round, trivial, verify));
        }

        if (options.VerifyOnly)
        {
            return 0;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(Table(results));
        return results.Any(r => r.Verify.Failures > 0 || r.Trivial.Failures > 0) ? 1 : 0;
    }

    private static string Describe(int round, PhaseResult trivial, PhaseResult verify) => string.Create(CultureInfo.InvariantCulture,
        $"round {round}: trivial {trivial.RequestsPerSecond:N0} req/s ({trivial.CpuMicrosecondsPerRequest:0} µs CPU/req), verify {verify.RequestsPerSecond:N0} req/s ({verify.CpuMicrosecondsPerRequest:0} µs CPU/req, {verify.RequestsPerSecond / trivial.RequestsPerSecond:P0})" +
        $"{(verify.Exhausted ? " [verify ran out of prepared proofs: raise --proofs]" : "")}{(verify.Failures + trivial.Failures > 0 ? $" FAILURES trivial {trivial.Failures} verify {verify.Failures}" : "")}");

    private static string Table(List<(PhaseResult Trivial, PhaseResult Verify)> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| round | endpoint | requests | req/s | p50 ms | p99 ms | CPU µs/req | verify / trivial |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < results.Count; i++)
        {
            var (trivial, verify) = results[i];
            table.AppendLine(Row(i + 1, "POST /trivial", trivial, ""));
            table.AppendLine(Row(i + 1, "POST /v1/verify", verify, (verify.RequestsPerSecond / trivial.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture)));
        }

        var ratios = results.Select(r => r.Verify.RequestsPerSecond / r.Trivial.RequestsPerSecond).Order().ToArray();
        table.Append(CultureInfo.InvariantCulture, $"\nmedian verify / trivial: {ratios[ratios.Length / 2]:P0} over {ratios.Length} round(s)");
        return table.ToString();
    }

    private static string Row(int round, string endpoint, PhaseResult result, string ratio) => string.Create(CultureInfo.InvariantCulture,
        $"| {round} | {endpoint} | {result.Requests:N0} | {result.RequestsPerSecond:N0} | {result.Percentile(0.50):0.00} | {result.Percentile(0.99):0.00} | {result.CpuMicrosecondsPerRequest:0} | {ratio} |");
}
