using System.CommandLine;
using ExecGov.Credentials.Propagation;

// Revocation propagation, measured end to end between real processes on loopback (docs/benchmarks.md,
// "Revocation propagation"): the issuer service and the verifier endpoint run as separate processes; this tool
// issues credentials, revokes each one through the admin API and times how long the verifier endpoint keeps
// allowing it after the revoke call succeeded.
var mode = new Option<string>("--mode")
{
    Description = "push (the verifier subscribes to the event stream), poll (no events URI: it only polls each list at its ttl) or both",
    DefaultValueFactory = _ => "both",
};
mode.AcceptOnlyFromAmong("push", "poll", "both");
var count = new Option<int>("--count") { Description = "credentials issued and revoked per mode", DefaultValueFactory = _ => 1_000 };
var ttl = new Option<int>("--ttl") { Description = "the issuer's status-list ttl in seconds in poll mode", DefaultValueFactory = _ => 2 };
var pushConcurrency = new Option<int>("--push-concurrency") { Description = "revocations measured at once in push mode", DefaultValueFactory = _ => 1 };
var pollConcurrency = new Option<int>("--poll-concurrency") { Description = "revocations measured at once in poll mode", DefaultValueFactory = _ => 20 };

var root = new RootCommand("Measures revocation propagation from the issuer to a separate verifier endpoint process.")
{
    mode, count, ttl, pushConcurrency, pollConcurrency,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var settings = new BenchSettings(parse.GetValue(count), parse.GetValue(ttl), parse.GetValue(pushConcurrency), parse.GetValue(pollConcurrency));
    var which = parse.GetValue(mode);
    var reports = new List<LatencyReport>();
    if (which is "push" or "both")
    {
        reports.Add(await PropagationRun.RunAsync(push: true, settings, Console.Out, cancellationToken));
    }

    if (which is "poll" or "both")
    {
        reports.Add(await PropagationRun.RunAsync(push: false, settings, Console.Out, cancellationToken));
    }

    Console.Out.WriteLine();
    LatencyReport.WriteTable(reports, Console.Out);
    return reports.All(r => r.Failures == 0) ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
