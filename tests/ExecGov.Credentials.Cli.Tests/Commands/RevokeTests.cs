using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class RevokeTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Revoke_credential_covers_exactly_that_credential_and_says_when_the_lists_changed()
    {
        var agent = await fixture.RegisterAgentAsync();
        var target = await fixture.IssueAsync(agent);
        var other = await fixture.IssueAsync(agent);
        (await fixture.Cli.RunAsync("credentials", "inspect", target.File)).Expect(0);

        var result = (await fixture.Cli.RunAsync("--json", "revoke", "credential", target.CredentialId, "--reason", "leaked in a log", "--yes")).Expect(0).Json;
        var inspected = await Task.WhenAll(
            fixture.Cli.RunAsync("--json", "credentials", "inspect", target.File),
            fixture.Cli.RunAsync("--json", "credentials", "inspect", other.File));

        Assert.Equal(1, result["covered"]!.GetValue<long>());
        Assert.Equal(1, result["changed"]!.GetValue<long>());
        Assert.True(DateTimeOffset.TryParse(result["changed_at"]!.GetValue<string>(), out _));
        Assert.Equal("revoke", result["action"]!.GetValue<string>());
        Assert.Equal("revoked", inspected[0].Expect(4).Json["status"]!["state"]!.GetValue<string>());
        Assert.Equal("valid", inspected[1].Expect(0).Json["status"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_session_covers_every_credential_of_the_session_and_prints_the_count()
    {
        var agent = await fixture.RegisterAgentAsync();
        var session = $"sess-{agent.Id}";
        var first = await fixture.IssueAsync(agent, session);
        await fixture.IssueAsync(agent, session);
        await fixture.IssueAsync(agent);

        var result = (await fixture.Cli.RunAsync("revoke", "session", session, "--reason", "session hijacked", "--yes")).Expect(0);

        Assert.Contains($"Revoked session {session}: 2 credentials covered, 2 changed; status lists changed at ", result.Stdout, StringComparison.Ordinal);
        (await fixture.Cli.RunAsync("credentials", "inspect", first.File)).Expect(4);
    }

    [Fact]
    public async Task Suspend_then_unsuspend_an_agent_makes_its_credentials_unusable_then_usable_again()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        var suspended = (await fixture.Cli.RunAsync("--json", "revoke", "agent", agent.Id, "--reason", "investigating", "--suspend", "--yes")).Expect(0).Json;
        var whileSuspended = (await fixture.Cli.RunAsync("--json", "credentials", "inspect", issued.File)).Expect(4).Json;
        (await fixture.Cli.RunAsync("revoke", "agent", agent.Id, "--reason", "cleared", "--unsuspend", "--yes")).Expect(0);
        var afterwards = await fixture.Cli.RunAsync("--json", "credentials", "inspect", issued.File);

        Assert.Equal("suspend", suspended["action"]!.GetValue<string>());
        Assert.Equal("suspended", whileSuspended["status"]!["state"]!.GetValue<string>());
        Assert.Equal("valid", afterwards.Expect(0).Json["status"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_yes_the_prompt_must_be_answered_y_and_any_other_answer_changes_nothing()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        var declined = await fixture.Cli.RunWithInputAsync("n\n", "revoke", "credential", issued.CredentialId, "--reason", "test");
        var silent = await fixture.Cli.RunWithInputAsync(string.Empty, "revoke", "credential", issued.CredentialId, "--reason", "test");
        (await fixture.Cli.RunAsync("credentials", "inspect", issued.File)).Expect(0);
        var confirmed = await fixture.Cli.RunWithInputAsync("y\n", "revoke", "credential", issued.CredentialId, "--reason", "test");

        Assert.Contains($"Revoke credential {issued.CredentialId}? This cannot be undone. [y/N]", declined.Stderr, StringComparison.Ordinal);
        Assert.Equal(7, declined.ExitCode);
        Assert.Contains("nothing was changed", declined.Stderr, StringComparison.Ordinal);
        Assert.Equal(7, silent.ExitCode);
        confirmed.Expect(0);
        (await fixture.Cli.RunAsync("credentials", "inspect", issued.File)).Expect(4);
    }

    [Fact]
    public async Task Revoke_authoriser_disables_that_person_and_refuses_their_next_request()
    {
        var secret = Path.Combine(fixture.Work, "temp-admin.json");
        (await fixture.Cli.RunAsync("admins", "create", "--client-id", "admin-temp", "--person", "temp", "--role", "admin", "--secret-out", secret)).Expect(0);
        (await fixture.Cli.RunAsync("--profile", "temp", "login", "--secret-file", secret)).Expect(0);
        var agent = await fixture.RegisterAgentAsync();
        (await fixture.Cli.RunAsync("--profile", "temp", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "invoices.read", "--resource", "invoice:1")).Expect(0);

        var result = (await fixture.Cli.RunAsync("--json", "revoke", "authoriser", "admin-temp", "--reason", "left the company", "--yes")).Expect(0).Json;
        var blocked = await fixture.Cli.RunAsync("--profile", "temp", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "invoices.read", "--resource", "invoice:1");

        Assert.Equal(1, result["covered"]!.GetValue<long>());
        blocked.Expect(6);
    }

    [Fact]
    public async Task Revoking_an_unknown_credential_is_exit_3_and_a_responder_role_is_required()
    {
        var unknown = await fixture.Cli.RunAsync("revoke", "credential", "cred_never_issued", "--reason", "typo", "--yes");
        var approverOnly = await fixture.Cli.RunAsync("--profile", "ines", "revoke", "agent", "agent-x", "--reason", "not my job", "--yes");

        unknown.ExpectOneLineError(3, "credential_not_found");
        approverOnly.ExpectOneLineError(6, "lacks the role");
    }
}
