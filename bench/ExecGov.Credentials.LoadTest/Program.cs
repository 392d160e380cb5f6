using System.CommandLine;
using ExecGov.Credentials.LoadTest;

var duration = new Option<int>("--duration") { Description = "Seconds per measured phase.", DefaultValueFactory = _ => 10 };
var warmup = new Option<int>("--warmup") { Description = "Seconds of unmeasured warm-up on each endpoint.", DefaultValueFactory = _ => 3 };
var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight (and connections).", DefaultValueFactory = _ => 32 };
var credentials = new Option<int>("--credentials") { Description = "Distinct credentials, presented in turn.", DefaultValueFactory = _ => 16 };
var rounds = new Option<int>("--rounds") { Description = "Trivial-then-verify rounds.", DefaultValueFactory = _ => 3 };
var proofs = new Option<int>("--proofs") { Description = "Fresh proofs prepared per verify phase (caps its requests).", DefaultValueFactory = _ => 200_000 };
var consoleLogging = new Option<bool>("--console-logging") { Description = "Log every decision to the console at Information (redirect stdout of the host logs: they go to stderr here)." };
var verifyOnly = new Option<bool>("--verify-only") { Description = "Run only the verify phases, e.g. to attach dotnet-trace to them." };
var root = new RootCommand("Load run: POST /v1/verify against POST /trivial on one Kestrel host, status lists from the real issuer, all on loopback.")
{
    duration, warmup, concurrency, credentials, rounds, proofs, consoleLogging, verifyOnly,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new LoadOptions
    {
        Duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(duration), 1, 120)),
        Warmup = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(warmup), 0, 60)),
        Concurrency = Math.Clamp(parse.GetValue(concurrency), 1, 1024),
        Credentials = Math.Clamp(parse.GetValue(credentials), 1, 1000),
        Rounds = Math.Clamp(parse.GetValue(rounds), 1, 10),
        Proofs = Math.Clamp(parse.GetValue(proofs), 1_000, 2_000_000),
        ConsoleLogging = parse.GetValue(consoleLogging),
        VerifyOnly = parse.GetValue(verifyOnly),
    };
    return await LoadRun.RunAsync(options, Console.Out, cancellationToken);
});
return await root.Parse(args).InvokeAsync();
