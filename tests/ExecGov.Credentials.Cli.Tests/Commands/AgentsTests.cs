using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class AgentsTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Suspend_help_says_what_suspension_does_and_it_does_it()
    {
        var help = (await fixture.Cli.RunAsync("agents", "suspend", "--help")).Expect(0).Stdout.ReplaceLineEndings(" ");
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        (await fixture.Cli.RunAsync("agents", "suspend", agent.Id, "--reason", "INC-9: looking")).Expect(0);
        var whileSuspended = await fixture.Cli.RunAsync("--json", "credentials", "inspect", issued.File);
        var issueWhileSuspended = await fixture.Cli.RunAsync("credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "invoices.read");
        var requestWhileSuspended = await fixture.Cli.RunAsync("credentials", "request", "--agent", agent.Id, "--key", agent.KeyFile,
            "--audience", "payments-api", "--action", "invoices.read", "--resource", "invoice:1", "--wait", "5s");
        (await fixture.Cli.RunAsync("agents", "resume", agent.Id, "--reason", "INC-9: clear")).Expect(0);
        var afterResume = await fixture.Cli.RunAsync("--json", "credentials", "inspect", issued.File);

        Assert.Matches(@"its\s+live\s+credentials\s+are\s+suspended", help);
        Assert.Matches(@"no\s+new\s+credentials,\s+issued\s+or\s+self-service", help);
        Assert.DoesNotContain("stay valid", help, StringComparison.Ordinal);
        Assert.Equal("suspended", whileSuspended.Expect(4).Json["status"]!["state"]!.GetValue<string>());
        issueWhileSuspended.ExpectOneLineError(8, "agent_not_active");
        Assert.NotEqual(0, requestWhileSuspended.ExitCode);
        Assert.Equal("valid", afterResume.Expect(0).Json["status"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_from_the_agent_key_file_sends_only_the_public_key_and_show_returns_it()
    {
        var agent = await fixture.RegisterAgentAsync();
        using var key = ExecGov.Credentials.Agent.Keys.AgentKey.Load(agent.KeyFile);

        var shown = (await fixture.Cli.RunAsync("--json", "agents", "show", agent.Id)).Expect(0).Json;

        Assert.Equal(key.Thumbprint, shown["public_key"]!["kid"]!.GetValue<string>());
        Assert.Null(shown["public_key"]!["d"]);
        Assert.Equal("active", shown["status"]!.GetValue<string>());
        Assert.Equal(600, shown["max_lifetime_seconds"]!.GetValue<long>());
        Assert.Equal(5000m, shown["ceiling"]![1]!["constraints"]!["max_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Register_from_a_public_jwk_file_works_and_a_bare_private_jwk_is_refused()
    {
        var id = fixture.NextAgentId();
        var jwk = Path.Combine(fixture.Work, id + ".jwk");
        var privateJwk = Path.Combine(fixture.Work, id + ".private.jwk");
        await File.WriteAllTextAsync(jwk, """{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""");
        await File.WriteAllTextAsync(privateJwk, """{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""");

        var registered = await fixture.Cli.RunAsync("agents", "register", "--id", id, "--public-key", jwk, "--owner", "Ops", "--audience", "payments-api", "--action", "invoices.read");
        var refused = await fixture.Cli.RunAsync("agents", "register", "--id", id + "-b", "--public-key", privateJwk, "--owner", "Ops", "--audience", "payments-api", "--action", "invoices.read");

        registered.Expect(0);
        Assert.Contains("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", registered.Stdout, StringComparison.Ordinal);
        refused.ExpectOneLineError(2, "private key");
    }

    [Fact]
    public async Task Registering_an_existing_id_is_refused_with_exit_8()
    {
        var agent = await fixture.RegisterAgentAsync();

        var again = await fixture.Cli.RunAsync("agents", "register", "--id", agent.Id, "--public-key", agent.KeyFile, "--owner", "Ops", "--audience", "payments-api", "--action", "invoices.read");

        again.ExpectOneLineError(8, "agent_exists");
    }

    [Fact]
    public async Task Suspend_and_resume_change_the_state_and_list_shows_it()
    {
        var agent = await fixture.RegisterAgentAsync();

        var suspended = (await fixture.Cli.RunAsync("--json", "agents", "suspend", agent.Id, "--reason", "laptop stolen")).Expect(0).Json;
        var issueWhileSuspended = await fixture.Cli.RunAsync("credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "invoices.read");
        var list = (await fixture.Cli.RunAsync("--json", "agents", "list")).Expect(0).Json;
        var resumed = (await fixture.Cli.RunAsync("--json", "agents", "resume", agent.Id, "--reason", "laptop found")).Expect(0).Json;
        var human = (await fixture.Cli.RunAsync("agents", "list")).Expect(0);

        Assert.Equal("suspended", suspended["status"]!.GetValue<string>());
        issueWhileSuspended.ExpectOneLineError(8, "agent_not_active");
        Assert.Equal("suspended", list.AsArray().Single(a => a!["id"]!.GetValue<string>() == agent.Id)!["status"]!.GetValue<string>());
        Assert.Equal("active", resumed["status"]!.GetValue<string>());
        Assert.Contains(agent.Id, human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_agent_is_exit_3()
    {
        (await fixture.Cli.RunAsync("agents", "show", "agent-nobody")).ExpectOneLineError(3, "agent_not_found");
    }
}
