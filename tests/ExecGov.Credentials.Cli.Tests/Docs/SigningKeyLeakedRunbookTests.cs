using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

public sealed class SigningKeyLeakedRunbookTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task The_signing_key_leaked_runbook_rotates_then_revokes_the_key_and_its_credentials()
    {
        var agent = await fixture.RegisterAgentAsync();
        var signedByLeaked = await fixture.IssueAsync(agent);
        var keys = (await fixture.Cli.RunAsync("--json", "keys", "list")).Expect(0).Json.AsArray();
        var leaked = keys.Single(k => k!["status"]!.GetValue<string>() == "active")!["kid"]!.GetValue<string>();

        var transcript = await RunbookRunner.RunAsync(fixture, "signing-key-leaked.md", new Dictionary<string, string>
        {
            ["<key-id>"] = leaked,
            ["<incident>"] = "INC-4713",
            ["<credential-file>"] = signedByLeaked.File,
        });

        Assert.Contains($"Revoked key {leaked}", transcript, StringComparison.Ordinal);
        var after = (await fixture.Cli.RunAsync("--json", "keys", "list")).Expect(0).Json.AsArray();
        Assert.DoesNotContain(after, k => k!["kid"]!.GetValue<string>() == leaked && k["published"]!.GetValue<bool>());
        var fresh = await fixture.IssueAsync(agent);
        (await fixture.Cli.RunAsync("credentials", "inspect", fresh.File)).Expect(0);
    }
}
