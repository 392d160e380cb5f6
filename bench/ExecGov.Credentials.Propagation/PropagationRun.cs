using ExecGov.Credentials.Signing.Crypto;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Propagation;

/// <summary>
/// One measured run: a fresh issuer process and a fresh verifier endpoint process on loopback with temp folders,
/// <see cref="BenchSettings.Count"/> credentials, and for each one the time from the revoke call's success to the
/// first <c>revoked</c> answer of the endpoint's <c>/v1/verify</c> (a fresh proof on every call).
/// </summary>
internal static class PropagationRun
{
    /// <summary>Longest wait for one denial before it counts as a failure.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    /// <summary>Pause between verify calls in poll mode, so 50 waiting workers do not saturate the 2 cores they share with both services.</summary>
    private static readonly TimeSpan PollModeSpacing = TimeSpan.FromMilliseconds(10);

    public static async Task<LatencyReport> RunAsync(bool push, BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        settings.Validate();
        var mode = push ? "push" : "poll";
        var root = Directory.CreateTempSubdirectory("execgov-propagation-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(root, "issuer-data")).FullName;
            await using var issuer = await StartIssuerAsync(root, data, push ? null : settings.TimeToLiveSeconds, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"[{mode}] issuer process at {issuer.Address}");
            using var issuerHttp = new HttpClient { BaseAddress = issuer.Address, Timeout = TimeSpan.FromSeconds(60) };
            var api = new IssuerApi(issuerHttp);
            await api.SignInAsync(data, cancellationToken).ConfigureAwait(false);
            using var agentKey = Ed25519SigningKey.Generate();
            var agentId = await api.RegisterAgentAsync(agentKey, cancellationToken).ConfigureAwait(false);
            var credentials = await IssueAsync(api, agentId, settings.Count, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"[{mode}] issued {credentials.Count} credentials");

            await using var endpoint = await StartVerifierAsync(root, issuer.Address, push, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"[{mode}] verifier endpoint process at {endpoint.Address}");
            using var verifierHttp = new HttpClient { BaseAddress = endpoint.Address, Timeout = TimeSpan.FromSeconds(60) };
            var verifier = new VerifierApi(verifierHttp, agentKey);
            await WarmUpAsync(verifier, credentials[0].Token, push, cancellationToken).ConfigureAwait(false);

            var concurrency = push ? settings.PushConcurrency : settings.PollConcurrency;
            var loadBefore = LoadAverage();
            var samples = new ConcurrentBag<Sample>();
            var failures = new ConcurrentBag<string>();
            var otherDenials = 0;
            var done = 0;
            var total = Stopwatch.StartNew();
            await Parallel.ForEachAsync(credentials, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (credential, ct) =>
            {
                if (!push)
                {
                    // Revocations arrive at random moments relative to the verifier's polls, as they would in
                    // practice; without this the workers revoke right after each poll (they all wake up on it)
                    // and every sample is a worst case.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, settings.TimeToLiveSeconds * 1000)), ct).ConfigureAwait(false);
                }

                var before = await verifier.VerifyAsync(credential.Token, ct).ConfigureAwait(false);
                if (before != "allowed")
                {
                    failures.Add($"{credential.Id} was '{before}' before its revocation");
                    return;
                }

                var call = Stopwatch.StartNew();
                var changedAt = await api.RevokeAsync(credential.Id, ct).ConfigureAwait(false);
                var callMs = call.Elapsed.TotalMilliseconds;
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    var reason = await verifier.VerifyAsync(credential.Token, ct).ConfigureAwait(false);
                    if (reason == "revoked")
                    {
                        // Both services run on this machine's clock, so the wall-clock time since changed_at is
                        // the propagation from the commit itself, whenever the responder's answer arrived.
                        samples.Add(new Sample(clock.Elapsed.TotalMilliseconds, (DateTimeOffset.UtcNow - changedAt).TotalMilliseconds, callMs));
                        break;
                    }

                    if (reason != "allowed")
                    {
                        Interlocked.Increment(ref otherDenials);
                    }

                    if (clock.Elapsed > GiveUpAfter)
                    {
                        failures.Add($"{credential.Id} still '{reason}' {GiveUpAfter.TotalSeconds} s after its revocation");
                        break;
                    }

                    if (!push)
                    {
                        await Task.Delay(PollModeSpacing, ct).ConfigureAwait(false);
                    }
                }

                if (Interlocked.Increment(ref done) % 100 == 0)
                {
                    log.WriteLine($"[{mode}] {done}/{credentials.Count} revocations measured");
                }
            }).ConfigureAwait(false);

            foreach (var failure in failures.Take(10))
            {
                log.WriteLine($"[{mode}] FAILED: {failure}");
            }

            var description = push
                ? $"push (event stream), {concurrency} at a time"
                : $"poll only (no events URI), ttl {settings.TimeToLiveSeconds} s, {concurrency} at a time, each after a random 0–ttl pause, verify every {PollModeSpacing.TotalMilliseconds:0} ms";
            return new LatencyReport(description, [.. samples], failures.Count, otherDenials, total.Elapsed, loadBefore, LoadAverage());
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still closing; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private static async Task<ServiceProcess> StartIssuerAsync(string root, string data, int? ttlSeconds, CancellationToken cancellationToken)
    {
        var dll = ServiceProcess.Locate("ExecGov.Credentials.Issuer.Server");
        for (var attempt = 1; ; attempt++)
        {
            // The issuer's public base (the prefix of its status-list URIs) must name its real port before it
            // starts, so the port is chosen here; if another process binds it first, try another.
            var publicBase = $"http://127.0.0.1:{ServiceProcess.FreePort().ToString(CultureInfo.InvariantCulture)}";
            List<string> args =
            [
                "--urls", publicBase,
                $"--Issuer:DataPath={data}",
                $"--Issuer:IssuerId={publicBase}",
                $"--Issuer:PublicBaseUri={publicBase}",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            ];
            if (ttlSeconds is { } ttl)
            {
                args.Add($"--Revocation:TimeToLive={TimeSpan.FromSeconds(ttl).ToString("c", CultureInfo.InvariantCulture)}");
            }

            try
            {
                return await ServiceProcess.StartAsync(dll, Directory.CreateDirectory(Path.Combine(root, "issuer-cwd")).FullName, args, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // Exited before listening: most likely the port was taken meanwhile.
            }
        }
    }

    private static Task<ServiceProcess> StartVerifierAsync(string root, Uri issuer, bool push, CancellationToken cancellationToken)
    {
        var issuerId = issuer.GetLeftPart(UriPartial.Authority);
        List<string> args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Verifier:Audience={IssuerApi.Audience}",
            $"--Verifier:Issuers:0:Issuer={issuerId}",
            "--Endpoint:StatusSource=StatusList",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ];
        if (push)
        {
            args.Add($"--Verifier:Issuers:0:MetadataUri={issuerId}/.well-known/execgov-issuer");
        }
        else
        {
            // No MetadataUri and no StatusEventsUri: the endpoint never learns of the event stream and only polls.
            args.Add($"--Verifier:Issuers:0:JwksUri={issuerId}/.well-known/jwks.json");
            args.Add($"--Verifier:Issuers:0:StatusListBase={issuerId}/status-lists");
        }

        // An empty working directory: the endpoint's sample appsettings.json must not add its own issuer.
        return ServiceProcess.StartAsync(ServiceProcess.Locate("ExecGov.Credentials.Verifier.Endpoint"),
            Directory.CreateDirectory(Path.Combine(root, "verifier-cwd")).FullName, args, cancellationToken);
    }

    private static async Task<List<(string Token, string Id)>> IssueAsync(IssuerApi api, string agentId, int count, CancellationToken cancellationToken)
    {
        var issued = new ConcurrentBag<(string Token, string Id)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (_, ct) => issued.Add(await api.IssueAsync(agentId, ct).ConfigureAwait(false))).ConfigureAwait(false);
        return [.. issued];
    }

    /// <summary>Waits until the endpoint allows a credential (its list fetched) and, with push, is on the event stream.</summary>
    private static async Task WarmUpAsync(VerifierApi verifier, string credential, bool push, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (await verifier.VerifyAsync(credential, cancellationToken).ConfigureAwait(false) != "allowed" ||
               (push && !await verifier.StreamConnectedAsync(cancellationToken).ConfigureAwait(false)))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("The verifier endpoint did not become ready (list fetched" + (push ? ", stream connected" : "") + ") within 60 s.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The 1-minute load average, to show how busy the shared machine was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
