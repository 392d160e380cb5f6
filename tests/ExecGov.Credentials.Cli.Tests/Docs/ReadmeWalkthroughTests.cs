using System.Text.RegularExpressions;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

/// <summary>
/// The README's five-minute walkthrough, run exactly as written on a fresh data folder. The two <c>sh</c> blocks
/// start services in other terminals: the test checks they say exactly what it does itself — the same built programs,
/// on free ports instead of 5080/5090, with a fresh data folder. Every <c>bash</c> block then runs verbatim in one bash
/// session from the repository root, except that <c>dotnet build</c> lines are not run again (this test project has
/// just built those projects) and only these literal values change: the two default URLs, the <c>data/</c> folder,
/// and the build configuration folder (<c>/debug/</c>). The issuer URL also goes in <c>EXECGOV_ISSUER</c>, as the
/// default the walkthrough relies on.
/// </summary>
public sealed partial class ReadmeWalkthroughTests
{
    private const string IssuerStart = "dotnet run --project src/Issuer/ExecGov.Credentials.Issuer.Server";
    private const string PaymentsStart = "dotnet run --project samples/PaymentsApi";
    private const string Section = "Five-minute walkthrough";

    [Fact]
    public async Task The_readme_walkthrough_runs_as_written_on_a_fresh_data_folder()
    {
        var readme = Path.Combine(Artifacts.RepositoryRoot, "README.md");
        Assert.Equal([IssuerStart, PaymentsStart], ServiceBlocks(await File.ReadAllTextAsync(readme)));
        var commands = MarkdownScript.Extract(readme, Section);
        var builds = commands.Where(c => c.Text.StartsWith("dotnet build ", StringComparison.Ordinal)).Select(c => c.Text).ToList();
        Assert.Equal(["dotnet build src/Cli/ExecGov.Credentials.Cli", "dotnet build samples/Agent"], builds);

        using var work = new TempFolder("execgov-walkthrough-");
        var data = Path.Combine(work.Path, "data");
        await using var issuer = await IssuerProcess.StartAsync(data);
        await using var payments = await ServiceProcess.StartAsync(
            Artifacts.PaymentsApi,
            port =>
            [
                "--urls", $"http://127.0.0.1:{port}",
                $"--Enforcement:PublicOrigin=http://127.0.0.1:{port}",
                $"--Verifier:Issuers:0:Issuer={issuer.Url}",
                $"--Verifier:Issuers:0:MetadataUri={issuer.Url}/.well-known/execgov-issuer",
                $"--DecisionShipping:IssuerUrl={issuer.Url}",
            ],
            "healthz",
            work.Path);

        var filled = commands
            .Where(c => !c.Text.StartsWith("dotnet build ", StringComparison.Ordinal))
            .Select(c => c with
            {
                Text = DataFolder().Replace(c.Text, data + "/")
                    .Replace("http://127.0.0.1:5080", issuer.Url, StringComparison.Ordinal)
                    .Replace("http://127.0.0.1:5090", payments.Url, StringComparison.Ordinal)
                    .Replace("/debug/", $"/{Artifacts.Configuration}/", StringComparison.Ordinal),
            });
        var script = MarkdownScript.Build(filled, new Dictionary<string, string>());
        var (exitCode, transcript, errors) = await MarkdownScript.RunAsync(script, Artifacts.RepositoryRoot, environment =>
        {
            new CliProcess(Path.Combine(work.Path, "config"), issuer.Url).Configure(environment);
        }, TimeSpan.FromMinutes(5));

        Assert.True(exitCode == 0, $"the walkthrough failed (exit {exitCode}):\n{transcript}\n{errors}\nissuer log:\n{issuer.Log}\npayments log:\n{payments.Log}");
        var calls = Regex.Matches(transcript, @"^\$ agent call .*\n(\d{3})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["200", "403", "403"], calls);
        Assert.Contains("constraint_violated", transcript, StringComparison.Ordinal);
        var afterRevoke = transcript[transcript.IndexOf("$ execgov revoke credential", StringComparison.Ordinal)..];
        Assert.Contains("revoked", afterRevoke[afterRevoke.IndexOf("$ agent call", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Matches(@"Revoked credential cred_\w+: 1 credential covered, 1 changed; status lists changed at ", transcript);
        Assert.Contains("invoice-bot", transcript[transcript.LastIndexOf("$ execgov audit trace", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("revocation_recorded", transcript, StringComparison.Ordinal);
    }

    /// <summary>The commands of the <c>sh</c> blocks: what the reader runs in the other terminals.</summary>
    private static List<string> ServiceBlocks(string markdown) =>
        ShBlock().Matches(markdown).Select(m => m.Groups[1].Value.Trim()).ToList();

    [GeneratedRegex(@"^```sh\n(.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"(?<![\w/.-])data/")]
    private static partial Regex DataFolder();
}
