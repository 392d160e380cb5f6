using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

public sealed class AgentCompromisedRunbookTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task The_agent_compromised_runbook_runs_as_written_and_leaves_the_agent_revoked_and_suspended()
    {
        var agent = await fixture.RegisterAgentAsync();
        var first = await fixture.IssueAsync(agent);
        var second = await fixture.IssueAsync(agent);
        var replacementKey = Path.Combine(fixture.Work, "replacement.key.json");
        using (ExecGov.Credentials.Agent.Keys.AgentKey.Create(replacementKey))
        {
        }

        var transcript = await RunbookRunner.RunAsync(fixture, "agent-compromised.md", new Dictionary<string, string>
        {
            ["<agent-id>"] = agent.Id,
            ["<incident>"] = "INC-4711",
            ["<credential-id>"] = first.CredentialId,
            ["<new-agent-id>"] = agent.Id + "-v2",
            ["<new-public-key-file>"] = replacementKey,
        });

        Assert.Contains("2 credentials covered", transcript, StringComparison.Ordinal);
        foreach (var file in new[] { first.File, second.File })
        {
            var inspect = (await fixture.Cli.RunAsync("--json", "credentials", "inspect", file)).Expect(4).Json;
            Assert.Equal("revoked", inspect["status"]!["state"]!.GetValue<string>());
        }

        var shown = (await fixture.Cli.RunAsync("--json", "agents", "show", agent.Id)).Expect(0).Json;
        Assert.Equal("suspended", shown["status"]!.GetValue<string>());
        (await fixture.Cli.RunAsync("agents", "show", agent.Id + "-v2")).Expect(0);
    }
}
