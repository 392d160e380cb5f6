using ExecGov.Credentials.Signing.Credentials;
using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Signing.Keys;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// Issue 16 item 5, end to end: a leaked signing key stops verifying within the push latency, not at the verifier's
/// next JWKS refresh. The attacker's credential is minted with the leaked key after the rotation, carrying the status
/// entry of a live credential, so only the key's withdrawal can deny it.
/// </summary>
public sealed class KeyWithdrawalPushTests
{
    private readonly TestAgents _agents = new(seed: 1616);

    [Fact]
    public async Task Credential_minted_with_a_withdrawn_key_is_denied_within_the_push_latency_although_the_jwks_is_not_refetched()
    {
        await using var host = await IssuerHost.StartAsync();
        var admin = await host.SignInAsBootstrapAsync();
        var responder = await host.CreateClientAndSignInAsync(admin, "responder-kai", "responder");
        var agent = _agents.Next();
        await host.SendJsonAsync(HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
        var body = new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() };
        var before = (await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin, body, HttpStatusCode.Created))["credential"]!.GetValue<string>();

        // What the attacker holds: a copy of the keyset file as it was before the rotation.
        using var leaked = SigningKeySet.Load(Path.Combine(host.DataPath, "issuer-keyset.json"), allowDevelopmentKeys: false);
        var compromised = leaked.ActiveKey.KeyId;
        Assert.Equal(compromised, KidOf(before));

        // The verifier would not re-read the JWKS for an hour: only the pushed withdrawal can reach it in time.
        await using var verifier = await StatusVerifier.StartAsync(host, configureVerifier: options =>
        {
            options.JwksRefreshInterval = TimeSpan.FromHours(1);
            options.JwksMinimumRefreshInterval = TimeSpan.FromHours(1);
        });
        await verifier.WaitForStreamAsync(RevocationFixture.Moments);

        // Runbook step 2: rotate. A live credential under the fresh key lends the forgery its (unrevoked) status entry.
        await host.SendJsonAsync(HttpMethod.Post, "/v1/keys/rotate", admin, new { }, HttpStatusCode.OK);
        var after = (await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin, body, HttpStatusCode.Created))["credential"]!.GetValue<string>();
        Assert.NotEqual(compromised, KidOf(after));
        var forged = Forge(before, after, leaked);
        Assert.True((await verifier.VerifyAsync(forged, agent)).IsAllowed, "the retired key still verifies before the revocation: the test could not fail");

        // Runbook step 3: revoke the leaked key.
        await host.SendJsonAsync(HttpMethod.Post, "/v1/revocations", responder,
            new { scope = "signing_key", target = compromised, action = "revoke", reason = "keyset copy found on a laptop" }, HttpStatusCode.OK);

        await verifier.VerifyUntilAsync(forged, agent, RevocationFixture.Moments, ReasonCode.UnknownKey);
        await verifier.VerifyUntilAsync(before, agent, RevocationFixture.Moments, ReasonCode.UnknownKey, ReasonCode.Revoked);
        Assert.True((await verifier.VerifyAsync(after, agent)).IsAllowed);
    }

    /// <summary>The claims of <paramref name="template"/> with a new <c>jti</c> and the status entry of <paramref name="live"/>, signed with the leaked key.</summary>
    private static string Forge(string template, string live, SigningKeySet leaked)
    {
        var claims = Payload(template);
        claims["jti"] = "cred_forged" + Guid.NewGuid().ToString("N");
        claims["status"] = Payload(live)["status"]!.DeepClone();
        return CredentialWriter.SignPayload(claims.ToJsonString(), TokenTypes.Credential, leaked.ActiveKey);
    }

    private static JsonObject Payload(string token)
    {
        var parts = token.Split('.');
        return JsonNode.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])))!.AsObject();
    }

    private static string KidOf(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))))!["kid"]!.GetValue<string>();
}
