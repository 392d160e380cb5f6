using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// Issue 4 end to end against the real issuer: issue → a real verifier (status lists, push) allows → a responder
/// acts → the verifier denies within moments, for each granularity; later issuance into what was revoked is
/// refused; every act is in the audit trail and the trace.
/// </summary>
public sealed class RevocationFlowTests(RevocationFixture fixture) : IClassFixture<RevocationFixture>
{
    private IssuerHost Host => fixture.Host;

    private StatusVerifier Verifier => fixture.Verifier;

    [Fact]
    public async Task Revoked_credential_is_denied_as_revoked_and_its_trace_names_the_responder_and_reason()
    {
        var agent = await fixture.RegisterAgentAsync();
        var revoked = await fixture.IssueAsync(agent);
        var kept = await fixture.IssueAsync(agent);
        Assert.StartsWith(Host.BaseAddress + "status-lists/", revoked.StatusUri, StringComparison.Ordinal);
        await AssertAllowedAsync(revoked, agent);

        var answer = await fixture.ActAsync("credential", revoked.Id, "revoke", "leaked in a build log (INC-2041)");

        Assert.Equal(1, answer["covered"]!.GetValue<int>());
        Assert.Equal(1, answer["changed"]!.GetValue<int>());
        Assert.True(answer["act_id"]!.GetValue<long>() > 0);
        Assert.True(answer["last_event_id"]!.GetValue<long>() > 0);
        Assert.InRange(answer["changed_at"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        await Verifier.VerifyUntilAsync(revoked.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await AssertAllowedAsync(kept, agent);

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{revoked.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        var act = Assert.Single(trace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded")!;
        Assert.Equal("responder-raj", act["actor"]!.GetValue<string>());
        Assert.Equal("leaked in a build log (INC-2041)", act["details"]!["reason"]!.GetValue<string>());
        Assert.Equal("revoke", act["details"]!["action"]!.GetValue<string>());
        Assert.Equal(answer["act_id"]!.GetValue<long>(), act["details"]!["act_id"]!.GetValue<long>());
        Assert.NotNull(act["at"]);
        var chain = await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.True(chain["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Suspended_credential_is_denied_as_suspended_and_allowed_again_after_unsuspend()
    {
        var agent = await fixture.RegisterAgentAsync();
        var credential = await fixture.IssueAsync(agent);
        await AssertAllowedAsync(credential, agent);

        await fixture.ActAsync("credential", credential.Id, "suspend", "investigating INC-2042");
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Suspended);

        var lifted = await fixture.ActAsync("credential", credential.Id, "unsuspend", "INC-2042 closed: false alarm");
        Assert.Equal(1, lifted["changed"]!.GetValue<int>());
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Allowed);

        // Revoked is final: a later unsuspend changes nothing.
        await fixture.ActAsync("credential", credential.Id, "revoke", "INC-2042 reopened");
        var noop = await fixture.ActAsync("credential", credential.Id, "unsuspend", "trying to undo");
        Assert.Equal(0, noop["changed"]!.GetValue<int>());
        Assert.Null(noop["last_event_id"]);
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
    }

    [Fact]
    public async Task Revoked_session_denies_every_credential_in_it_and_refuses_later_issuance_into_it()
    {
        var agent = await fixture.RegisterAgentAsync();
        var session = $"sess-{Guid.NewGuid():N}";
        var first = await fixture.IssueAsync(agent, session);
        var second = await fixture.IssueAsync(agent, session);
        var elsewhere = await fixture.IssueAsync(agent);
        await AssertAllowedAsync(first, agent);

        var answer = await fixture.ActAsync("session", session, "revoke", "session token replayed from an unknown host");

        Assert.Equal(2, answer["covered"]!.GetValue<int>());
        await Verifier.VerifyUntilAsync(first.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await Verifier.VerifyUntilAsync(second.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await AssertAllowedAsync(elsewhere, agent);
        await AssertIssuanceRefusedAsync(agent, session, "issuance_blocked");

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{first.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.Contains(trace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded" && e["session_id"]?.GetValue<string>() == session);
    }

    [Fact]
    public async Task Revoked_agent_is_denied_suspended_in_the_registry_and_can_neither_be_resumed_nor_issued_to()
    {
        var agent = await fixture.RegisterAgentAsync();
        var first = await fixture.IssueAsync(agent);
        var second = await fixture.IssueAsync(agent);
        var bystander = await fixture.RegisterAgentAsync();
        var other = await fixture.IssueAsync(bystander);
        await AssertAllowedAsync(first, agent);

        var answer = await fixture.ActAsync("agent", agent.Id, "revoke", "agent exfiltrated invoices");

        Assert.Equal(2, answer["covered"]!.GetValue<int>());
        await Verifier.VerifyUntilAsync(first.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await Verifier.VerifyUntilAsync(second.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await AssertAllowedAsync(other, bystander);

        var view = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agents/{agent.Id}", fixture.ResponderToken, null, HttpStatusCode.OK);
        Assert.Equal("suspended", view["status"]!.GetValue<string>());
        Assert.NotNull(view["revoked_at"]);
        await AssertIssuanceRefusedAsync(agent, null, "agent_not_active");
        using (var resume = await Host.SendAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/resume", fixture.ResponderToken, new { reason = "try again" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
            Assert.Equal("agent_revoked", (await Problems.ReadAsync(resume)).Code);
        }

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{second.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        var kinds = trace["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("revocation_recorded", kinds);
        Assert.Contains("agent_suspended", kinds);
        Assert.Equal("suspended", trace["credentials"]![0]!["agent"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoked_authoriser_loses_everything_they_authorised_and_cannot_authorise_more()
    {
        // Admin issuance records the calling admin as the authoriser.
        var malloryId = $"admin-mallory-{Guid.NewGuid():N}";
        var mallory = await Host.CreateClientAndSignInAsync(fixture.AdminToken, malloryId, "admin");
        var agent = await fixture.RegisterAgentAsync();
        var byMallory = await fixture.IssueAsync(agent, adminToken: mallory);
        var byBootstrap = await fixture.IssueAsync(agent);
        await AssertAllowedAsync(byMallory, agent);

        var answer = await fixture.ActAsync("authoriser", malloryId, "revoke", "admin account taken over");

        Assert.Equal(1, answer["covered"]!.GetValue<int>());
        await Verifier.VerifyUntilAsync(byMallory.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await AssertAllowedAsync(byBootstrap, agent);
        // The revocation also disabled the person's client: its still-valid token is refused on the next request.
        using var refused = await Host.SendAsync(HttpMethod.Post, "/v1/credentials", mallory,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{byMallory.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.Contains(trace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded" && e["details"]!["target"]!.GetValue<string>() == malloryId);
        var bystanderTrace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{byBootstrap.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.DoesNotContain(bystanderTrace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded");
    }

    [Fact]
    public async Task Agent_scope_suspend_and_unsuspend_acts_move_the_registry_with_the_credentials()
    {
        var agent = await fixture.RegisterAgentAsync();
        var credential = await fixture.IssueAsync(agent);
        await AssertAllowedAsync(credential, agent);

        await fixture.ActAsync("agent", agent.Id, "suspend", "INC-2043: unusual destinations");
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Suspended);
        var suspended = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agents/{agent.Id}", fixture.ResponderToken, null, HttpStatusCode.OK);
        Assert.Equal("suspended", suspended["status"]!.GetValue<string>());

        await fixture.ActAsync("agent", agent.Id, "unsuspend", "INC-2043 cleared");
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Allowed);
        var resumed = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agents/{agent.Id}", fixture.ResponderToken, null, HttpStatusCode.OK);
        Assert.Equal("active", resumed["status"]!.GetValue<string>());
        await AssertAllowedAsync(await fixture.IssueAsync(agent), agent);
    }

    [Fact]
    public async Task Agent_suspension_suspends_its_live_credentials_at_once_and_resumption_restores_them()
    {
        var agent = await fixture.RegisterAgentAsync();
        var credential = await fixture.IssueAsync(agent);
        await AssertAllowedAsync(credential, agent);

        var suspended = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/suspend", fixture.ResponderToken, new { reason = "investigating odd payments" }, HttpStatusCode.OK);

        Assert.Equal("suspended", suspended["status"]!.GetValue<string>());
        Assert.Null(suspended["revoked_at"]);
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Suspended);
        await AssertIssuanceRefusedAsync(agent, null, "agent_not_active");

        var resumed = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/resume", fixture.ResponderToken, new { reason = "cleared" }, HttpStatusCode.OK);

        Assert.Equal("active", resumed["status"]!.GetValue<string>());
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Allowed);
        await AssertAllowedAsync(await fixture.IssueAsync(agent), agent);

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{credential.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        var kinds = trace["events"]!.AsArray().Select(e => (Kind: e!["kind"]!.GetValue<string>(), Actor: e["actor"]!.GetValue<string>())).ToList();
        Assert.Equal(2, kinds.Count(k => k == ("revocation_recorded", "responder-raj")));
        Assert.Contains(("agent_suspended", "responder-raj"), kinds);
        Assert.Contains(("agent_resumed", "responder-raj"), kinds);
    }

    [Fact]
    public async Task Decommissioning_an_agent_revokes_its_credentials()
    {
        var agent = await fixture.RegisterAgentAsync();
        var credential = await fixture.IssueAsync(agent);
        await AssertAllowedAsync(credential, agent);

        var view = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agent.Id}/decommission", fixture.AdminToken, new { reason = "retired" }, HttpStatusCode.OK);

        Assert.Equal("decommissioned", view["status"]!.GetValue<string>());
        Assert.NotNull(view["revoked_at"]);
        await Verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
    }

    public static TheoryData<string, string, int, string> BadActs => new()
    {
        { "unknown scope", """{"scope":"galaxy","target":"x","action":"revoke","reason":"r"}""", 400, "unknown_scope" },
        { "unknown action", """{"scope":"session","target":"x","action":"obliterate","reason":"r"}""", 400, "unknown_action" },
        { "no reason", """{"scope":"session","target":"x","action":"revoke"}""", 400, "missing_reason" },
        { "unknown member", """{"scope":"session","target":"x","action":"revoke","reason":"r","force":true}""", 400, "invalid_json" },
        { "not JSON", """{"scope":""", 400, "invalid_json" },
        { "unknown credential", """{"scope":"credential","target":"cred_nope","action":"revoke","reason":"r"}""", 404, "credential_not_found" },
        { "unknown agent", """{"scope":"agent","target":"agent-nobody","action":"revoke","reason":"r"}""", 404, "target_not_found" },
        { "unknown signing key", """{"scope":"signing_key","target":"no-such-kid","action":"revoke","reason":"r"}""", 404, "target_not_found" },
    };

    [Theory]
    [MemberData(nameof(BadActs))]
    public async Task Bad_revocation_request_is_a_problem_and_changes_nothing(string why, string body, int status, string code)
    {
        var before = await fixture.ActAsync("session", $"sess-probe-{Guid.NewGuid():N}", "suspend", "probe before");

        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/revocations", fixture.ResponderToken, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await Problems.ReadAsync(response)).Code);
        var after = await fixture.ActAsync("session", $"sess-probe-{Guid.NewGuid():N}", "suspend", "probe after");
        Assert.True(after["act_id"]!.GetValue<long>() == before["act_id"]!.GetValue<long>() + 1, why);
    }

    [Fact]
    public async Task Only_responders_may_revoke()
    {
        var body = new { scope = "session", target = "sess-any", action = "revoke", reason = "r" };
        using (var anonymous = await Host.SendAsync(HttpMethod.Post, "/v1/revocations", null, body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("unauthorized", (await Problems.ReadAsync(anonymous)).Code);
        }

        using var auditor = await Host.SendAsync(HttpMethod.Post, "/v1/revocations", fixture.AuditorToken, body);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal("forbidden", (await Problems.ReadAsync(auditor)).Code);
    }

    [Fact]
    public async Task Metadata_names_the_status_list_base_and_event_stream_the_credentials_use()
    {
        var metadata = JsonNode.Parse(await Host.Http.GetStringAsync("/.well-known/execgov-issuer"))!;
        var agent = await fixture.RegisterAgentAsync();
        var credential = await fixture.IssueAsync(agent);

        var statusBase = metadata["status_list_base"]!.GetValue<string>();
        Assert.Equal(Host.BaseAddress + "status-lists", statusBase);
        Assert.Equal(statusBase + "/events", metadata["status_events_uri"]!.GetValue<string>());
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(statusBase) + "/[1-9][0-9]*$", credential.StatusUri);

        using var list = await Host.Http.GetAsync(credential.StatusUri);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("application/statuslist+jwt", list.Content.Headers.ContentType!.MediaType);
    }

    private async Task AssertAllowedAsync(Issued credential, TestAgent agent)
    {
        var decision = await Verifier.VerifyAsync(credential.Token, agent);
        Assert.True(decision.IsAllowed, decision.Reason.ToWireString());
    }

    private async Task AssertIssuanceRefusedAsync(TestAgent agent, string? sessionId, string code)
    {
        var body = new JsonObject
        {
            ["agent_id"] = agent.Id,
            ["audience"] = new JsonArray(TestAgents.Audience),
            ["authorization_details"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestAgent.ReadScope())),
        };
        if (sessionId is not null)
        {
            body["session_id"] = sessionId;
        }

        var before = (await Host.SendJsonAsync(HttpMethod.Get, $"/v1/credentials?agent_id={agent.Id}", fixture.AuditorToken, null, HttpStatusCode.OK)).AsArray().Count;
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken, body.ToJsonString());
        Assert.Equal(code, (await Problems.ReadAsync(response)).Code);
        var after = (await Host.SendJsonAsync(HttpMethod.Get, $"/v1/credentials?agent_id={agent.Id}", fixture.AuditorToken, null, HttpStatusCode.OK)).AsArray().Count;
        Assert.Equal(before, after);
    }
}
