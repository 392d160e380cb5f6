using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// Issue 4, signing-key scope, on a host of its own (every credential of the active key is revoked): the key is
/// marked compromised in the keyset, leaves the JWKS at once, a fresh key signs from then on, and every
/// credential the old key signed is denied.
/// </summary>
public sealed class SigningKeyRevocationTests
{
    private readonly TestAgents _agents = new(seed: 7007);

    [Fact]
    public async Task Revoked_signing_key_leaves_the_jwks_its_credentials_are_denied_and_a_fresh_key_signs_from_then_on()
    {
        await using var host = await IssuerHost.StartAsync();
        var admin = await host.SignInAsBootstrapAsync();
        var responder = await host.CreateClientAndSignInAsync(admin, "responder-kim", "responder");
        var agent = _agents.Next();
        await host.SendJsonAsync(HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
        var body = new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() };
        var before = (await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin, body, HttpStatusCode.Created))["credential"]!.GetValue<string>();
        var compromised = KidOf(before);
        await using var verifier = await StatusVerifier.StartAsync(host);
        Assert.True((await verifier.VerifyAsync(before, agent)).IsAllowed);

        var answer = await host.SendJsonAsync(HttpMethod.Post, "/v1/revocations", responder,
            new { scope = "signing_key", target = compromised, action = "revoke", reason = "key file found on a shared drive" }, HttpStatusCode.OK);

        Assert.Equal(1, answer["covered"]!.GetValue<int>());
        var jwks = JsonNode.Parse(await host.Http.GetStringAsync("/.well-known/jwks.json"))!["keys"]!.AsArray();
        Assert.DoesNotContain(jwks, k => k!["kid"]!.GetValue<string>() == compromised);
        var keys = (await host.SendJsonAsync(HttpMethod.Get, "/v1/keys", admin, null, HttpStatusCode.OK)).AsArray();
        var old = keys.Single(k => k!["kid"]!.GetValue<string>() == compromised)!;
        Assert.Equal(("compromised", false), (old["status"]!.GetValue<string>(), old["published"]!.GetValue<bool>()));
        var fresh = keys.Single(k => k!["status"]!.GetValue<string>() == "active")!["kid"]!.GetValue<string>();
        Assert.NotEqual(compromised, fresh);

        // Denied: revoked by the pushed status, or an unknown key once the verifier has re-read the JWKS.
        await verifier.VerifyUntilAsync(before, agent, RevocationFixture.Moments, ReasonCode.Revoked, ReasonCode.UnknownKey);

        var after = (await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin, body, HttpStatusCode.Created))["credential"]!.GetValue<string>();
        Assert.Equal(fresh, KidOf(after));
        await verifier.VerifyUntilAsync(after, agent, RevocationFixture.Moments, ReasonCode.Allowed);

        var records = (await host.SendJsonAsync(HttpMethod.Get, "/v1/audit/records?limit=20", admin, null, HttpStatusCode.OK)).AsArray();
        Assert.Contains(records, r => r!["kind"]!.GetValue<string>() == "key_compromised");
        Assert.Contains(records, r => r!["kind"]!.GetValue<string>() == "revocation_recorded" && r["actor"]!.GetValue<string>() == "responder-kim"
            && r["details"]!["target"]!.GetValue<string>() == compromised);
    }

    private static string KidOf(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))))!["kid"]!.GetValue<string>();
}
