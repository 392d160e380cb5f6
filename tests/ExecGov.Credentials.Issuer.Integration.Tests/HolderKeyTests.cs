using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>One public key backs one agent; a responder can revoke everything bound to a holder key (<c>cnf.jkt</c>).</summary>
public sealed class HolderKeyTests(RevocationFixture fixture) : IClassFixture<RevocationFixture>
{
    private IssuerHost Host => fixture.Host;

    [Fact]
    public async Task Second_agent_with_an_already_registered_key_is_refused_409_even_when_the_first_is_suspended()
    {
        var first = await fixture.RegisterAgentAsync();
        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{first.Id}/suspend", fixture.AdminToken, new { reason = "INC-9: suspended first" }, HttpStatusCode.OK);
        var twin = first with { Id = first.Id + "-twin" };

        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/agents", fixture.AdminToken, twin.Registration());
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("agent_key_in_use", problem.Code);
        Assert.Contains(first.Id, problem.Detail, StringComparison.Ordinal);
        using var missing = await Host.SendAsync(HttpMethod.Get, $"/v1/agents/{twin.Id}", fixture.AdminToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Holder_key_revocation_revokes_every_credential_bound_to_the_key_and_blocks_later_issuance_to_it()
    {
        var agent = await fixture.RegisterAgentAsync();
        var bystander = await fixture.RegisterAgentAsync();
        var one = await fixture.IssueAsync(agent);
        var two = await fixture.IssueAsync(agent);
        var kept = await fixture.IssueAsync(bystander);
        var thumbprint = (await Host.SendJsonAsync(HttpMethod.Get, $"/v1/agents/{agent.Id}", fixture.AdminToken, null, HttpStatusCode.OK))["public_key"]!["kid"]!.GetValue<string>();

        var answer = await fixture.ActAsync("holder_key", thumbprint, "revoke", "INC-10: agent key stolen");

        Assert.Equal(2, answer["covered"]!.GetValue<int>());
        await fixture.Verifier.VerifyUntilAsync(one.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        await fixture.Verifier.VerifyUntilAsync(two.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        Assert.True((await fixture.Verifier.VerifyAsync(kept.Token, bystander)).IsAllowed);

        var body = new JsonObject
        {
            ["agent_id"] = agent.Id,
            ["audience"] = new JsonArray(TestAgents.Audience),
            ["authorization_details"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestAgent.ReadScope())),
        };
        using var refused = await Host.SendAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken, body.ToJsonString());
        Assert.Equal("issuance_blocked", (await Problems.ReadAsync(refused)).Code);

        var trace = await Host.SendJsonAsync(HttpMethod.Get, $"/v1/audit/trace/{one.Id}", fixture.AuditorToken, null, HttpStatusCode.OK);
        Assert.Contains(trace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded" && e["details"]!["scope"]!.GetValue<string>() == "holder_key");
    }

    [Fact]
    public async Task Holder_key_act_naming_a_thumbprint_no_agent_holds_is_404()
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/revocations", fixture.ResponderToken,
            new { scope = "holder_key", target = "no-agent-holds-this-thumbprint-0000000000000", action = "revoke", reason = "typo" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("target_not_found", (await Problems.ReadAsync(response)).Code);
    }
}
