using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

/// <summary>
/// The README's five-minute walkthrough, run exactly as written on a fresh data folder. The two <c>sh</c> blocks
/// start services in other terminals: the test checks they say exactly what it does itself — the same built programs
/// with the same arguments, on free ports instead of 5080/5090, with a fresh data folder — and starts the payments API
/// at the point the README turns to its terminal. Every <c>bash</c> block runs verbatim in one bash session from the
/// repository root, except that <c>dotnet build</c> lines are not run again (this test project has just built those
/// projects) and only these literal values change: the two default URLs, the <c>data/</c> folder, and the build
/// configuration folder (<c>/debug/</c>). The issuer URL also goes in <c>EXECGOV_ISSUER</c>, as the default the
/// walkthrough relies on. Before the trace, the test waits (with a deadline) for the decisions the API ships in batches,
/// as the README says a reader does.
/// </summary>
public sealed partial class ReadmeWalkthroughTests
{
    private const string IssuerStart = "dotnet run --project src/Issuer/ExecGov.Credentials.Issuer.Server";
    private const string PaymentsStart = "dotnet run --project samples/PaymentsApi -- ";
    private const string Section = "Five-minute walkthrough";

    [Fact]
    public async Task The_readme_walkthrough_runs_as_written_on_a_fresh_data_folder()
    {
        var readme = Path.Combine(Artifacts.RepositoryRoot, "README.md");
        var markdown = await File.ReadAllTextAsync(readme);
        var services = ServiceBlocks(markdown);
        Assert.Equal(2, services.Count);
        Assert.Equal(IssuerStart, services[0].Text);
        Assert.StartsWith(PaymentsStart, services[1].Text, StringComparison.Ordinal);
        var paymentsArguments = services[1].Text[PaymentsStart.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var commands = MarkdownScript.Extract(readme, Section);
        var builds = commands.Where(c => c.Text.StartsWith("dotnet build ", StringComparison.Ordinal)).Select(c => c.Text).ToList();
        Assert.Equal(["dotnet build src/Cli/ExecGov.Credentials.Cli", "dotnet build samples/Agent"], builds);
        var paymentsLine = services[1].Line;
        var firstAfterPayments = commands.First(c => c.Line > paymentsLine);
        var trace = commands.Single(c => c.Text.StartsWith("execgov audit trace ", StringComparison.Ordinal));

        using var work = new TempFolder("execgov-walkthrough-");
        var data = Path.Combine(work.Path, "data");
        await using var issuer = await IssuerProcess.StartAsync(data);
        var cli = new CliProcess(Path.Combine(work.Path, "config"), issuer.Url);
        ServiceProcess? payments = null;
        var paymentsPort = FreePort.Next();
        var paymentsUrl = $"http://127.0.0.1:{paymentsPort}";
        try
        {
            var filled = commands
                .Where(c => !c.Text.StartsWith("dotnet build ", StringComparison.Ordinal))
                .Select(c => c with { Text = Fill(c.Text, data, issuer.Url, paymentsUrl).Replace("/debug/", $"/{Artifacts.Configuration}/", StringComparison.Ordinal) });
            var script = MarkdownScript.Build(filled, new Dictionary<string, string>(), pauseBefore: c =>
                c.Line == firstAfterPayments.Line ? "payments" : c.Line == trace.Line ? "decisions" : null);
            var (exitCode, transcript, errors) = await MarkdownScript.RunAsync(script, Artifacts.RepositoryRoot, cli.Configure, TimeSpan.FromMinutes(5), async pause =>
            {
                if (pause == "payments")
                {
                    // Terminal 3 of the README, with its own arguments; only the ports and the data folder differ.
                    payments = await ServiceProcess.StartAsync(
                        Artifacts.PaymentsApi,
                        port =>
                        [
                            .. paymentsArguments.Select(a => Fill(a, data, issuer.Url, paymentsUrl)),
                            "--urls", $"http://127.0.0.1:{port}",
                            $"--Enforcement:PublicOrigin=http://127.0.0.1:{port}",
                            $"--Verifier:Issuers:0:Issuer={issuer.Url}",
                            $"--Verifier:Issuers:0:MetadataUri={issuer.Url}/.well-known/execgov-issuer",
                            $"--DecisionShipping:IssuerUrl={issuer.Url}",
                        ],
                        "healthz",
                        work.Path,
                        paymentsPort);
                }
                else
                {
                    await WaitForDecisionsAsync(cli, Path.Combine(data, "walkthrough", "credential.jwt"), 3);
                }
            });

            Assert.True(exitCode == 0, $"the walkthrough failed (exit {exitCode}):\n{transcript}\n{errors}\nissuer log:\n{issuer.Log}\npayments log:\n{payments?.Log}");
            var calls = Regex.Matches(transcript, @"^\$ agent call .*\n(\d{3})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(["200", "403", "403"], calls);
            Assert.Contains("constraint_violated", transcript, StringComparison.Ordinal);
            var afterRevoke = transcript[transcript.IndexOf("$ execgov revoke credential", StringComparison.Ordinal)..];
            Assert.Contains("revoked", afterRevoke[afterRevoke.IndexOf("$ agent call", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Matches(@"Revoked credential cred_\w+: 1 credential covered, 1 changed; status lists changed at ", transcript);

            // The trace the README promises: one line per record, ISO times, the three decisions, no JSON.
            var traced = transcript[transcript.LastIndexOf("$ execgov audit trace", StringComparison.Ordinal)..];
            Assert.Contains("invoice-bot", traced, StringComparison.Ordinal);
            var events = traced.Split('\n').Where(l => IsoLine().IsMatch(l)).ToList();
            Assert.Equal(["credential_issued", "decision_recorded", "decision_recorded", "decision_recorded", "revocation_recorded"],
                events.Select(l => IsoLine().Match(l).Groups["kind"].Value).Order(StringComparer.Ordinal));
            var decisions = events.Where(l => l.Contains("decision_recorded", StringComparison.Ordinal)).ToList();
            Assert.Contains(decisions, l => l.Contains(": allow: payments.release on invoice:2026-118", StringComparison.Ordinal));
            Assert.Contains(decisions, l => l.Contains(": deny constraint_violated: payments.release", StringComparison.Ordinal));
            Assert.Contains(decisions, l => l.Contains(": deny revoked: payments.release", StringComparison.Ordinal));
            Assert.All(decisions, l => Assert.Contains("authoriser bootstrap-admin", l, StringComparison.Ordinal));
            Assert.Contains("revocation_recorded by bootstrap-admin", traced, StringComparison.Ordinal);
            Assert.DoesNotContain("{\"", traced, StringComparison.Ordinal);
        }
        finally
        {
            if (payments is not null)
            {
                await payments.DisposeAsync();
            }
        }
    }

    private static string Fill(string text, string data, string issuerUrl, string paymentsUrl) =>
        DataFolder().Replace(text, data + "/")
            .Replace("http://127.0.0.1:5080", issuerUrl, StringComparison.Ordinal)
            .Replace("http://127.0.0.1:5090", paymentsUrl, StringComparison.Ordinal);

    /// <summary>Polls the trace (with a deadline) until the API's batched decisions have reached the audit trail.</summary>
    private static async Task WaitForDecisionsAsync(CliProcess cli, string credentialFile, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var trace = (await cli.RunAsync("--json", "audit", "trace", credentialFile)).Expect(0).Json;
            var recorded = trace["events"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "decision_recorded");
            if (recorded >= count)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"only {recorded} of {count} decisions reached the audit trail: {trace.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The commands of the <c>sh</c> blocks, with their line: what the reader runs in the other terminals.</summary>
    private static List<(string Text, int Line)> ServiceBlocks(string markdown) =>
        ShBlock().Matches(markdown)
            .Select(m => (m.Groups[1].Value.Trim(), markdown[..m.Index].Count(c => c == '\n') + 2))
            .ToList();

    [GeneratedRegex(@"^```sh\n(.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"(?<![\w/.-])data/")]
    private static partial Regex DataFolder();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  #\d+  (?<kind>[a-z_]+)")]
    private static partial Regex IsoLine();
}
