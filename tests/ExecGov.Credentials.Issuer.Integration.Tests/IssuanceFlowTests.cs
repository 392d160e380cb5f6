using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>The issue's "done when" path on the real host: admin issuance, refusals, self-service, approvals, live verification.</summary>
public sealed class IssuanceFlowTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private IssuerHost Host => fixture.Host;

    [Fact]
    public async Task Admin_issues_within_ceiling_and_the_credential_verifies_against_the_live_jwks()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope(), lifetime_seconds = 300 }, HttpStatusCode.Created);

        Assert.Equal("bootstrap-admin", issued["authoriser"]!["sub"]!.GetValue<string>());
        Assert.StartsWith(Host.BaseAddress + "status-lists/", issued["status"]!["uri"]!.GetValue<string>(), StringComparison.Ordinal);
        var expires = DateTimeOffset.Parse(issued["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var issuedAt = DateTimeOffset.Parse(issued["issued_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(300, (expires - issuedAt).TotalSeconds);

        var verifier = fixture.Verifier;
        var decision = await verifier.VerifyAsync(issued["credential"]!.GetValue<string>(), agent);
        Assert.True(decision.IsAllowed, decision.Reason.ToWireString());
        Assert.Equal(agent.Id, decision.AgentId);
        Assert.Equal("bootstrap-admin", decision.Authoriser!.Subject);
        Assert.Equal(issued["credential_id"]!.GetValue<string>(), decision.CredentialId);

        // Outside the granted scope the same credential is a deny: the ceiling was not handed out whole.
        var outside = await verifier.VerifyAsync(issued["credential"]!.GetValue<string>(), agent, action: "invoices.pay");
        Assert.Equal(ReasonCode.ScopeDenied, outside.Reason);
    }

    public static TheoryData<string, object, string> Refusals => new()
    {
        { "scope outside the ceiling", new { audience = new[] { TestAgents.Audience }, authorization_details = new[] { new { type = "execgov_action", actions = new[] { "payroll.run" } } } }, "scope_exceeds_ceiling" },
        { "amount above the ceiling", new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope(maxAmount: 9000m) }, "scope_exceeds_ceiling" },
        { "lifetime over the agent maximum", new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope(), lifetime_seconds = 601 }, "lifetime_exceeds_maximum" },
        { "audience not allowed", new { audience = new[] { TestAgents.ForeignAudience }, authorization_details = TestAgent.ReadScope() }, "audience_not_allowed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Issuance_outside_policy_is_refused_with_a_clear_problem_and_changes_nothing(string why, object body, string code)
    {
        var agent = await fixture.RegisterAgentAsync();
        var before = await CountsAsync(agent.Id);
        var request = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        request["agent_id"] = agent.Id;

        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken, request.ToJsonString());
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.Detail), why);
        Assert.Equal(before, await CountsAsync(agent.Id));
    }

    [Fact]
    public async Task Agent_self_service_low_risk_request_is_issued_under_the_standing_grant()
    {
        var agent = await fixture.RegisterAgentAsync();
        var registered = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agents/{agent.Id}", fixture.AdminToken, null, HttpStatusCode.OK);

        var issued = await Host.SendJsonAsync(HttpMethod.Post, "/v1/agent/credentials", null,
            new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, HttpStatusCode.Created, agent.AssertionHeader());

        Assert.Equal("bootstrap-admin", issued["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Equal(registered["standing_grant_id"]!.GetValue<string>(), issued["authoriser"]!["approval_id"]!.GetValue<string>());
        var verifier = fixture.Verifier;
        var decision = await verifier.VerifyAsync(issued["credential"]!.GetValue<string>(), agent);
        Assert.True(decision.IsAllowed, decision.Reason.ToWireString());
    }

    [Fact]
    public async Task Agent_assertion_used_twice_is_refused_as_a_replay()
    {
        var agent = await fixture.RegisterAgentAsync();
        var assertion = agent.AssertionHeader();
        var body = new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() };
        await Host.SendJsonAsync(HttpMethod.Post, "/v1/agent/credentials", null, body, HttpStatusCode.Created, assertion);

        using var replay = await Host.SendAsync(HttpMethod.Post, "/v1/agent/credentials", null, body, assertion);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("assertion_replayed", (await Problems.ReadAsync(replay)).Code);
    }

    [Fact]
    public async Task Assertion_signed_by_another_key_is_refused()
    {
        var agent = await fixture.RegisterAgentAsync();
        var impostor = agent with { Key = Ed25519SigningKey.Generate() };
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/agent/credentials", null,
            new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, impostor.AssertionHeader());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_assertion", (await Problems.ReadAsync(response)).Code);
        Assert.StartsWith("ExecGov-Assertion", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consequential_request_waits_for_a_second_approver_and_the_requester_cannot_approve_it()
    {
        var agent = await fixture.RegisterAgentAsync();
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope() }, HttpStatusCode.Accepted);
        var approvalId = pending["approval_id"]!.GetValue<string>();
        Assert.Equal("pending", pending["status"]!.GetValue<string>());
        Assert.Contains(pending["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("payments.release", StringComparison.Ordinal));

        // The bootstrap admin does not hold the approver role: it cannot approve what it asked for.
        using var self = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.AdminToken, new { reason = "looks fine to me" });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);

        // Nothing to collect before a decision.
        using var early = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken);
        Assert.Equal("approval_not_approved", (await Problems.ReadAsync(early)).Code);

        var approved = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.ApproverToken, new { reason = "invoice checked" }, HttpStatusCode.OK);
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        Assert.Equal("approver-ines", approved["decided_by"]!.GetValue<string>());

        var collected = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken, null, HttpStatusCode.Created);
        var credential = collected["credential"]!;
        Assert.Equal("approver-ines", credential["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Equal(approvalId, credential["authoriser"]!["approval_id"]!.GetValue<string>());

        using var twice = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken);
        Assert.Equal("approval_not_approved", (await Problems.ReadAsync(twice)).Code);

        var verifier = fixture.Verifier;
        var decision = await verifier.VerifyAsync(credential["credential"]!.GetValue<string>(), agent, action: "payments.release", amount: 120m);
        Assert.True(decision.IsAllowed, decision.Reason.ToWireString());
        Assert.Equal("approver-ines", decision.Authoriser!.Subject);
        Assert.Equal(approvalId, decision.Authoriser.ApprovalId);
    }

    [Fact]
    public async Task Agent_collects_an_approved_credential_once_by_polling()
    {
        var agent = await fixture.RegisterAgentAsync();
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/agent/credentials", null,
            new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope(100m) }, HttpStatusCode.Accepted, agent.AssertionHeader());
        var approvalId = pending["approval_id"]!.GetValue<string>();

        var waiting = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agent/approvals/{approvalId}", null, null, HttpStatusCode.OK, agent.AssertionHeader());
        Assert.Equal("pending", waiting["status"]!.GetValue<string>());
        Assert.Null(waiting["credential"]);

        var listed = await Host.SendJsonAsync(HttpMethod.Get, "/v1/approvals?status=pending", fixture.ApproverToken, null, HttpStatusCode.OK);
        Assert.Contains(listed.AsArray(), a => a!["approval_id"]!.GetValue<string>() == approvalId);
        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.ApproverToken, null, HttpStatusCode.OK);

        var first = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agent/approvals/{approvalId}", null, null, HttpStatusCode.OK, agent.AssertionHeader());
        Assert.Equal("collected", first["status"]!.GetValue<string>());
        Assert.NotNull(first["credential"]);
        var second = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agent/approvals/{approvalId}", null, null, HttpStatusCode.OK, agent.AssertionHeader());
        Assert.Null(second["credential"]);

        // Another agent cannot even see it.
        var other = await fixture.RegisterAgentAsync();
        using var foreign = await Host.SendAsync(HttpMethod.Get, $"/v1/agent/approvals/{approvalId}", null, null, other.AssertionHeader());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var verifier = fixture.Verifier;
        var decision = await verifier.VerifyAsync(first["credential"]!["credential"]!.GetValue<string>(), agent, action: "payments.release", amount: 99m);
        Assert.True(decision.IsAllowed, decision.Reason.ToWireString());
    }

    [Fact]
    public async Task Denied_request_cannot_be_collected()
    {
        var agent = await fixture.RegisterAgentAsync();
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope() }, HttpStatusCode.Accepted);
        var approvalId = pending["approval_id"]!.GetValue<string>();
        var denied = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/deny", fixture.ApproverToken, new { reason = "no invoice on file" }, HttpStatusCode.OK);
        Assert.Equal("denied", denied["status"]!.GetValue<string>());

        using var collect = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken);
        Assert.Equal("approval_not_approved", (await Problems.ReadAsync(collect)).Code);
        using var again = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.ApproverToken);
        Assert.Equal("approval_not_pending", (await Problems.ReadAsync(again)).Code);
    }

    [Fact]
    public async Task Suspended_agent_gets_nothing_until_resumed_and_decommissioning_is_final()
    {
        var agent = await fixture.RegisterAgentAsync();
        var body = new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() };
        var suspended = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/suspend", fixture.ResponderToken, new { reason = "odd traffic" }, HttpStatusCode.OK);
        Assert.Equal("suspended", suspended["status"]!.GetValue<string>());

        using (var refused = await Host.SendAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken, body))
        {
            Assert.Equal("agent_not_active", (await Problems.ReadAsync(refused)).Code);
        }

        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/resume", fixture.ResponderToken, new { reason = "cleared" }, HttpStatusCode.OK);
        var issued = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken, body, HttpStatusCode.Created);
        Assert.True((await fixture.Verifier.VerifyAsync(issued["credential"]!.GetValue<string>(), agent)).IsAllowed);

        // A responder may suspend but not decommission.
        using (var notAllowed = await Host.SendAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/decommission", fixture.ResponderToken, new { reason = "retired" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        }

        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/decommission", fixture.AdminToken, new { reason = "retired" }, HttpStatusCode.OK);
        using var final = await Host.SendAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/resume", fixture.AdminToken, new { reason = "oops" });
        Assert.Equal("agent_decommissioned", (await Problems.ReadAsync(final)).Code);
    }

    [Fact]
    public async Task Trace_names_agent_owner_authoriser_approval_and_every_decision_recorded_later()
    {
        var agent = await fixture.RegisterAgentAsync();
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope(), session_id = "sess-trace-" + agent.Id }, HttpStatusCode.Accepted);
        var approvalId = pending["approval_id"]!.GetValue<string>();
        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.ApproverToken, new { reason = "ok" }, HttpStatusCode.OK);
        var credential = (await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken, null, HttpStatusCode.Created))["credential"]!;
        var credentialId = credential["credential_id"]!.GetValue<string>();

        var verifier = fixture.Verifier;
        var allowed = await verifier.VerifyAsync(credential["credential"]!.GetValue<string>(), agent, action: "payments.release", amount: 100m);
        var denied = await verifier.VerifyAsync(credential["credential"]!.GetValue<string>(), agent, action: "payments.release", amount: 4000m);
        Assert.True(allowed.IsAllowed);
        Assert.Equal(ReasonCode.ConstraintViolated, denied.Reason);
        var batch = new
        {
            verifier = "payments-api-1",
            records = new[] { allowed, denied }.Select(d => new
            {
                decision_id = d.DecisionId,
                decided_at = d.DecidedAt,
                decision = d.IsAllowed ? "allow" : "deny",
                reason = d.Reason.ToWireString(),
                agent = d.AgentId,
                authoriser = d.Authoriser?.Subject,
                credential_id = d.CredentialId,
                session_id = d.SessionId,
                action = d.Action,
                resource = d.Resource,
                audience = TestAgents.Audience,
            }).ToArray(),
        };
        var first = await Host.SendJsonAsync(HttpMethod.Post, "/v1/decisions", fixture.VerifierToken, batch, HttpStatusCode.OK);
        Assert.Equal(2, first["accepted"]!.GetValue<int>());
        var resent = await Host.SendJsonAsync(HttpMethod.Post, "/v1/decisions", fixture.VerifierToken, batch, HttpStatusCode.OK);
        Assert.Equal(0, resent["accepted"]!.GetValue<int>());
        Assert.Equal(2, resent["duplicates"]!.GetValue<int>());

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{credentialId}", fixture.AuditorToken, null, HttpStatusCode.OK);
        var traced = trace["credentials"]![0]!;
        Assert.Equal(agent.Owner, traced["agent"]!["owner"]!.GetValue<string>());
        Assert.Equal("approver-ines", traced["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Equal("bootstrap-admin", traced["approval"]!["requested_by"]!.GetValue<string>());
        Assert.Equal(approvalId, traced["approval"]!["approval_id"]!.GetValue<string>());
        var kinds = trace["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["approval_requested", "approval_granted", "credential_issued", "decision_recorded", "decision_recorded"], kinds);
        var decisions = trace["events"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "decision_recorded").ToList();
        Assert.All(decisions, d => Assert.Equal("approver-ines", d!["details"]!["authoriser"]!.GetValue<string>()));

        // The session id traces the same story.
        var bySession = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/sess-trace-{agent.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.Equal("session", bySession["kind"]!.GetValue<string>());
        Assert.Equal(credentialId, bySession["credentials"]![0]!["credential_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Issuance_is_audited_and_the_chain_verifies()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, HttpStatusCode.Created);
        var report = await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.True(report["intact"]!.GetValue<bool>());
        Assert.True((await fixture.Verifier.VerifyAsync(issued["credential"]!.GetValue<string>(), agent)).IsAllowed);

        var listed = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/credentials?agent_id={agent.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        var only = Assert.Single(listed.AsArray());
        Assert.Equal(issued["credential_id"]!.GetValue<string>(), only!["credential_id"]!.GetValue<string>());
        Assert.Null(only["credential"]);
    }

    private async Task<(int Credentials, long AuditRecords)> CountsAsync(string agentId)
    {
        var credentials = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/credentials?agent_id={agentId}", fixture.AdminToken, null, HttpStatusCode.OK);
        var audit = await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", fixture.AuditorToken, null, HttpStatusCode.OK);
        return (credentials.AsArray().Count, audit["record_count"]!.GetValue<long>());
    }
}
