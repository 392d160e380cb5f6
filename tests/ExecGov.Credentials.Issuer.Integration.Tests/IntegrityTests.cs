using System.Net;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Audit integrity on the real host: ids are exact, so nothing stored differs from what was hashed or checked.</summary>
public sealed class IntegrityTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private IssuerHost Host => fixture.Host;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\u0000")]
    public async Task Session_id_with_a_trailing_control_character_is_refused_and_cannot_join_another_agents_session(string suffix)
    {
        var owner = await fixture.RegisterAgentAsync();
        var intruder = await fixture.RegisterAgentAsync();
        var session = "sess-owned-" + owner.Id;
        await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = owner.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope(), session_id = session }, HttpStatusCode.Created);

        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = intruder.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope(), session_id = session + suffix });
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", problem.Code);
        var inSession = await Host.SendJsonAsync(HttpMethod.Get, "/v1/credentials?session_id=" + session, fixture.AdminToken, null, HttpStatusCode.OK);
        Assert.All(inSession.AsArray(), c => Assert.Equal(owner.Id, c!["agent_id"]!.GetValue<string>()));
        Assert.Empty((await Host.SendJsonAsync(HttpMethod.Get, "/v1/credentials?agent_id=" + intruder.Id, fixture.AdminToken, null, HttpStatusCode.OK)).AsArray());
        Assert.True((await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", fixture.AuditorToken, null, HttpStatusCode.OK))["intact"]!.GetValue<bool>());
    }
}
