using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

public sealed class AgentCompromisedRunbookTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task The_agent_compromised_runbook_runs_as_written_and_leaves_the_agent_revoked_and_suspended()
    {
        var agent = await fixture.RegisterAgentAsync();
        var original = (await fixture.Cli.RunAsync("--json", "agents", "show", agent.Id)).Expect(0).Json;
        var thumbprint = original["public_key"]!["kid"]!.GetValue<string>();
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
            ["<key-thumbprint>"] = thumbprint,
            ["<max-lifetime>"] = "10m",
            ["<new-agent-id>"] = agent.Id + "-v2",
            ["<new-public-key-file>"] = replacementKey,
        });

        Assert.Contains("2 credentials covered", transcript, StringComparison.Ordinal);
        Assert.Contains($"Revoked key-holder {thumbprint}: 2 credentials covered", transcript, StringComparison.Ordinal);
        foreach (var file in new[] { first.File, second.File })
        {
            var inspect = (await fixture.Cli.RunAsync("--json", "credentials", "inspect", file)).Expect(4).Json;
            Assert.Equal("revoked", inspect["status"]!["state"]!.GetValue<string>());
        }

        var shown = (await fixture.Cli.RunAsync("--json", "agents", "show", agent.Id)).Expect(0).Json;
        Assert.Equal("suspended", shown["status"]!.GetValue<string>());

        // Step 7 re-registers with the ceiling and lifetime the runbook names: exactly the old agent's.
        var replacement = (await fixture.Cli.RunAsync("--json", "agents", "show", agent.Id + "-v2")).Expect(0).Json;
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(original["ceiling"], replacement["ceiling"]), $"{original["ceiling"]} != {replacement["ceiling"]}");
        Assert.Equal(original["max_lifetime_seconds"]!.GetValue<long>(), replacement["max_lifetime_seconds"]!.GetValue<long>());
        Assert.NotEqual(thumbprint, replacement["public_key"]!["kid"]!.GetValue<string>());

        // The compromised key cannot come back under another agent id.
        var again = await fixture.Cli.RunAsync("agents", "register", "--id", agent.Id + "-v3", "--public-key", agent.KeyFile, "--owner", "someone",
            "--audience", "payments-api", "--scope-file", fixture.CeilingFile);
        again.ExpectOneLineError(8, "agent_key_in_use", agent.Id);
    }
}
