using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

/// <summary>
/// The README's revocation <c>curl</c>, run as pasted against a real issuer on loopback: only the default issuer URL
/// changes, and <c>RESPONDER_TOKEN</c> (the placeholder the README names) holds a responder's token. The agent it
/// names must be the walkthrough's (registered here with one live credential), as a reader pastes it after that.
/// </summary>
public sealed partial class ReadmeRevocationTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task The_readme_revocation_curl_revokes_the_agent_as_pasted()
    {
        var readme = Path.Combine(Artifacts.RepositoryRoot, "README.md");
        var commands = MarkdownScript.Extract(readme, "Revocation");
        var curl = Assert.Single(commands);
        Assert.StartsWith("curl ", curl.Text, StringComparison.Ordinal);
        var walkthroughAgent = AgentId().Match(await File.ReadAllTextAsync(readme)).Groups[1].Value;
        Assert.Equal(walkthroughAgent, Target().Match(curl.Text).Groups[1].Value);
        var agent = await fixture.RegisterAgentAsync(walkthroughAgent);
        var issued = await fixture.IssueAsync(agent);
        var profile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.Cli.ConfigDirectory, "profiles", "default.json")))!;

        var script = MarkdownScript.Build(
            [curl with { Text = curl.Text.Replace("http://127.0.0.1:5080", fixture.Issuer.Url, StringComparison.Ordinal) }],
            new Dictionary<string, string>());
        var (exitCode, transcript, errors) = await MarkdownScript.RunAsync(script, fixture.Work, environment =>
        {
            fixture.Cli.Configure(environment);
            environment["RESPONDER_TOKEN"] = profile["access_token"]!.GetValue<string>();
        }, TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, $"the README's curl failed (exit {exitCode}):\n{transcript}\n{errors}");
        var answer = JsonNode.Parse(transcript.Split('\n')[1])!;
        Assert.Equal(1, answer["covered"]!.GetValue<int>());
        Assert.Equal(1, answer["changed"]!.GetValue<int>());
        Assert.True(answer["act_id"]!.GetValue<long>() > 0);
        var inspected = await fixture.Cli.RunAsync("--json", "credentials", "inspect", issued.File);
        Assert.Equal("revoked", inspected.Expect(4).Json["status"]!["state"]!.GetValue<string>());
    }

    [GeneratedRegex(@"execgov agents register --id (\S+)")]
    private static partial Regex AgentId();

    [GeneratedRegex("\"target\":\"([^\"]+)\"")]
    private static partial Regex Target();
}
