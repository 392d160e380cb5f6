using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class CredentialsTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Issue_writes_the_credential_0600_and_keeps_the_token_out_of_the_output()
    {
        var agent = await fixture.RegisterAgentAsync();
        var file = Path.Combine(fixture.Work, "issued.jwt");

        var result = (await fixture.Cli.RunAsync("--json", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "payments.release", "--resource", "invoice:2026-118", "--max-amount", "500", "--currency", "EUR", "--lifetime", "5m", "--out", file)).Expect(0);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Null(result.Json["credential"]);
        Assert.Equal(Path.GetFullPath(file), result.Json["credential_file"]!.GetValue<string>());
        Assert.StartsWith("cred_", result.Json["credential_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bootstrap-admin", result.Json["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Equal(3, (await File.ReadAllTextAsync(file)).Trim().Split('.').Length);
    }

    [Fact]
    public async Task Issue_outside_the_ceiling_is_refused_with_exit_8_and_the_reason()
    {
        var agent = await fixture.RegisterAgentAsync();

        var result = await fixture.Cli.RunAsync("credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "payroll.run");

        result.ExpectOneLineError(8, "scope_exceeds_ceiling", "payroll.run");
    }

    [Fact]
    public async Task A_consequential_issue_waits_for_a_second_person_who_approves_then_the_requester_collects()
    {
        var agent = await fixture.RegisterAgentAsync();
        var file = Path.Combine(fixture.Work, "approved.jwt");

        var pending = (await fixture.Cli.RunAsync("--json", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "payments.release", "--resource", "invoice:2026-200", "--max-amount", "2500", "--currency", "EUR")).Expect(9).Json;
        var approvalId = pending["approval_id"]!.GetValue<string>();
        var listed = (await fixture.Cli.RunAsync("--profile", "ines", "--json", "credentials", "approvals", "--status", "pending")).Expect(0).Json;
        var self = await fixture.Cli.RunAsync("credentials", "approve", approvalId);
        var approved = (await fixture.Cli.RunAsync("--profile", "ines", "--json", "credentials", "approve", approvalId, "--reason", "invoice checked")).Expect(0).Json;
        var collected = (await fixture.Cli.RunAsync("--json", "credentials", "collect", approvalId, "--out", file)).Expect(0).Json;
        var again = await fixture.Cli.RunAsync("credentials", "collect", approvalId);

        Assert.Equal("pending", pending["status"]!.GetValue<string>());
        Assert.Contains(listed.AsArray(), a => a!["approval_id"]!.GetValue<string>() == approvalId);
        // The bootstrap admin does not hold the approver role at all.
        self.ExpectOneLineError(6, "lacks the role");
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        Assert.Equal("approver-ines", collected["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Equal(approvalId, collected["authoriser"]!["approval_id"]!.GetValue<string>());
        again.ExpectOneLineError(8, "approval_not_approved");
    }

    [Fact]
    public async Task Deny_closes_a_request_for_good()
    {
        var agent = await fixture.RegisterAgentAsync();
        var pending = (await fixture.Cli.RunAsync("--json", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "payments.release", "--max-amount", "3000", "--currency", "EUR", "--resource", "invoice:9")).Expect(9).Json;
        var approvalId = pending["approval_id"]!.GetValue<string>();

        var denied = (await fixture.Cli.RunAsync("--profile", "ines", "--json", "credentials", "deny", approvalId, "--reason", "not ours")).Expect(0).Json;
        var approveAfter = await fixture.Cli.RunAsync("--profile", "ines", "credentials", "approve", approvalId);

        Assert.Equal("denied", denied["status"]!.GetValue<string>());
        approveAfter.ExpectOneLineError(8, "approval_not_pending");
    }

    [Fact]
    public async Task Request_as_the_agent_itself_gets_a_low_risk_credential_under_the_standing_grant()
    {
        var agent = await fixture.RegisterAgentAsync();
        var file = Path.Combine(fixture.Work, "self-service.jwt");

        var result = (await fixture.Cli.RunAsync("--json", "credentials", "request", "--agent", agent.Id, "--key", agent.KeyFile,
            "--audience", "payments-api", "--action", "invoices.read", "--resource", "invoice:2026-118", "--lifetime", "2m", "--out", file)).Expect(0).Json;

        Assert.Equal("bootstrap-admin", result["authoriser"]!["sub"]!.GetValue<string>());
        Assert.StartsWith("grant_", result["authoriser"]!["approval_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task Request_of_a_consequential_scope_waits_for_the_approver_and_then_gets_the_credential()
    {
        var agent = await fixture.RegisterAgentAsync();
        var file = Path.Combine(fixture.Work, "self-approved.jwt");

        var request = fixture.Cli.RunAsync("--json", "credentials", "request", "--agent", agent.Id, "--key", agent.KeyFile,
            "--audience", "payments-api", "--action", "payments.release", "--resource", "invoice:77", "--max-amount", "4000", "--currency", "EUR",
            "--wait", "2m", "--out", file);
        string? approvalId = null;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (approvalId is null && DateTimeOffset.UtcNow < deadline)
        {
            var pending = (await fixture.Cli.RunAsync("--profile", "ines", "--json", "credentials", "approvals", "--status", "pending")).Expect(0).Json;
            approvalId = pending.AsArray().FirstOrDefault(a => a!["agent_id"]!.GetValue<string>() == agent.Id)?["approval_id"]?.GetValue<string>();
        }

        Assert.NotNull(approvalId);
        (await fixture.Cli.RunAsync("--profile", "ines", "credentials", "approve", approvalId, "--reason", "ok")).Expect(0);
        var result = (await request).Expect(0);

        Assert.Equal("approver-ines", result.Json["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Contains(approvalId, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_that_is_not_approved_in_time_is_exit_9_with_the_approval_id()
    {
        var agent = await fixture.RegisterAgentAsync();

        var result = await fixture.Cli.RunAsync("credentials", "request", "--agent", agent.Id, "--key", agent.KeyFile,
            "--audience", "payments-api", "--action", "payments.release", "--resource", "invoice:78", "--max-amount", "4000", "--currency", "EUR", "--wait", "2s");

        Assert.Equal(9, result.ExitCode);
        Assert.Contains("still waiting for an approver", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("appr_", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_with_a_key_the_agent_is_not_registered_with_is_exit_6()
    {
        var agent = await fixture.RegisterAgentAsync();
        var otherKey = Path.Combine(fixture.Work, "other.key.json");
        using (ExecGov.Credentials.Agent.Keys.AgentKey.Create(otherKey))
        {
        }

        var result = await fixture.Cli.RunAsync("credentials", "request", "--agent", agent.Id, "--key", otherKey, "--audience", "payments-api", "--action", "invoices.read");

        result.ExpectOneLineError(6, "assertion", "--key");
    }

    [Fact]
    public async Task List_filters_by_agent_and_session_and_never_shows_tokens()
    {
        var agent = await fixture.RegisterAgentAsync();
        var first = await fixture.IssueAsync(agent, session: $"sess-{agent.Id}");
        await fixture.IssueAsync(agent);

        var byAgent = (await fixture.Cli.RunAsync("--json", "credentials", "list", "--agent", agent.Id)).Expect(0).Json.AsArray();
        var bySession = (await fixture.Cli.RunAsync("--json", "credentials", "list", "--session", first.SessionId)).Expect(0).Json.AsArray();

        Assert.Equal(2, byAgent.Count);
        Assert.Equal(first.CredentialId, Assert.Single(bySession)!["credential_id"]!.GetValue<string>());
        Assert.All(byAgent, c => Assert.Null(c!["credential"]));
    }

    [Fact]
    public async Task List_fits_80_columns_with_the_state_of_each_credential()
    {
        var agent = await fixture.RegisterAgentAsync();
        var shortLived = (await fixture.Cli.RunAsync("--json", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "invoices.read", "--resource", "invoice:1", "--lifetime", "10s")).Expect(0).Json["credential_id"]!.GetValue<string>();
        var active = await fixture.IssueAsync(agent);
        var revoked = await fixture.IssueAsync(agent);
        var suspended = await fixture.IssueAsync(agent);
        (await fixture.Cli.RunAsync("revoke", "credential", revoked.CredentialId, "--reason", "list test", "--yes")).Expect(0);
        (await fixture.Cli.RunAsync("revoke", "credential", suspended.CredentialId, "--reason", "list test", "--suspend", "--yes")).Expect(0);
        var pending = (await fixture.Cli.RunAsync("--json", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
            "--action", "payments.release", "--resource", "invoice:7", "--max-amount", "2500", "--currency", "EUR")).Expect(9).Json["approval_id"]!.GetValue<string>();

        // The 10-second credential expires on the real clock of two other processes: poll for it with a deadline.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        JsonArray listed;
        while (true)
        {
            listed = (await fixture.Cli.RunAsync("--json", "credentials", "list", "--agent", agent.Id)).Expect(0).Json.AsArray();
            if (State(listed, shortLived) == "expired" || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var table = (await fixture.Cli.RunAsync("credentials", "list", "--agent", agent.Id)).Expect(0).Stdout;

        Assert.Equal("expired", State(listed, shortLived));
        Assert.Equal("active", State(listed, active.CredentialId));
        Assert.Equal("revoked", State(listed, revoked.CredentialId));
        Assert.Equal("suspended", State(listed, suspended.CredentialId));
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Matches(@"^CREDENTIAL\s+STATE\s+EXPIRES UTC\s+AGENT$", lines[0]);
        foreach (var (id, state) in new[] { (shortLived, "expired"), (active.CredentialId, "active"), (revoked.CredentialId, "revoked"), (suspended.CredentialId, "suspended"), (pending, "pending") })
        {
            Assert.Matches($@"^{id}\s+{state}\s+\d\d-\d\d \d\d:\d\d\s+", Assert.Single(lines, l => l.StartsWith(id, StringComparison.Ordinal)));
        }

        Assert.Contains("5 listed: 1 active, 1 pending, 1 suspended, 1 revoked, 1 expired.", table, StringComparison.Ordinal);
    }

    private static string? State(JsonArray listed, string credentialId) =>
        listed.Single(c => c!["credential_id"]!.GetValue<string>() == credentialId)!["state"]?.GetValue<string>();

    [Fact]
    public async Task Inspect_shows_claims_signature_and_validity_from_the_issuers_keys()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        var result = await fixture.Cli.RunAsync("--json", "credentials", "inspect", issued.File);
        var json = result.Json;

        Assert.True(json["signature"]!["valid"]!.GetValue<bool>(), result.ToString());
        Assert.Equal("valid", json["validity"]!["state"]!.GetValue<string>());
        Assert.Equal(agent.Id, json["claims"]!["sub"]!.GetValue<string>());
        Assert.Equal(issued.CredentialId, json["claims"]!["jti"]!.GetValue<string>());
        Assert.Equal("EdDSA", json["header"]!["alg"]!.GetValue<string>());
        Assert.Equal(json["usable"]!.GetValue<bool>() ? 0 : 4, result.ExitCode);
    }

    [Fact]
    public async Task Inspect_of_a_tampered_credential_says_the_signature_is_invalid_with_exit_4()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);
        var parts = (await File.ReadAllTextAsync(issued.File)).Trim().Split('.');
        var signature = parts[2].ToCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        var tampered = Path.Combine(fixture.Work, "tampered.jwt");
        await File.WriteAllTextAsync(tampered, $"{parts[0]}.{parts[1]}.{new string(signature)}");

        var result = await fixture.Cli.RunAsync("--json", "credentials", "inspect", tampered);

        result.Expect(4);
        Assert.False(result.Json["signature"]!["valid"]!.GetValue<bool>());
        Assert.Equal("signature_invalid", result.Json["reason"]!.GetValue<string>());
    }
}
