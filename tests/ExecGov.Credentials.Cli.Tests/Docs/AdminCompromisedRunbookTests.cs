using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

public sealed class AdminCompromisedRunbookTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task The_admin_compromised_runbook_disables_the_account_and_revokes_everything_the_admin_authorised()
    {
        var secret = Path.Combine(fixture.Work, "mallory.json");
        (await fixture.Cli.RunAsync("admins", "create", "--client-id", "admin-mallory", "--person", "mallory", "--role", "admin", "--secret-out", secret)).Expect(0);
        (await fixture.Cli.RunAsync("--profile", "mallory", "login", "--secret-file", secret)).Expect(0);
        var agent = await fixture.RegisterAgentAsync();
        var byMallory = Path.Combine(fixture.Work, "by-mallory.jwt");
        (await fixture.Cli.RunAsync("--profile", "mallory", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "invoices.read", "--resource", "invoice:1", "--out", byMallory)).Expect(0);
        var byBootstrap = await fixture.IssueAsync(agent);

        var transcript = await RunbookRunner.RunAsync(fixture, "admin-compromised.md", new Dictionary<string, string>
        {
            ["<admin-client-id>"] = "admin-mallory",
            ["<incident>"] = "INC-4712",
        });

        Assert.Contains("Revoked authoriser admin-mallory: 1 credential covered", transcript, StringComparison.Ordinal);
        var revoked = (await fixture.Cli.RunAsync("--json", "credentials", "inspect", byMallory)).Expect(4).Json;
        Assert.Equal("revoked", revoked["status"]!["state"]!.GetValue<string>());
        (await fixture.Cli.RunAsync("credentials", "inspect", byBootstrap.File)).Expect(0);
        // The account is disabled: refused at once, before any policy check.
        (await fixture.Cli.RunAsync("--profile", "mallory", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "invoices.read", "--resource", "invoice:1")).Expect(6);
        var clients = (await fixture.Cli.RunAsync("--json", "admins", "list")).Expect(0).Json;
        Assert.Equal("disabled", clients.AsArray().Single(c => c!["client_id"]!.GetValue<string>() == "admin-mallory")!["state"]!.GetValue<string>());
    }
}
