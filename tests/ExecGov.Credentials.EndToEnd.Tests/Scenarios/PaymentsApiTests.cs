using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.EndToEnd.Tests.Hosts;

namespace ExecGov.Credentials.EndToEnd.Tests.Scenarios;

/// <summary>
/// The sample payments API with the real issuer: an agent (the SDK, and the sample agent's <c>call</c>) acts with a
/// credential a human approved; everything outside it is denied before the handler runs, and the ledger proves it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PaymentsApiTests(EndToEndFixture system)
{
    [Fact]
    public async Task Api_executes_only_what_the_credential_allows_and_the_trace_shows_every_decision_with_its_authoriser()
    {
        var api = system.Api;
        using var credentials = system.Provider(EndToEndFixture.ReleaseScope(EndToEndFixture.ApiAudience, maxAmount: 500m));
        var credential = await system.ApprovedCredentialAsync(credentials);
        var mcpCredential = await system.AdminIssuedReleaseCredentialAsync(EndToEndFixture.McpAudience);
        using var agent = new HttpClient(new ExecGovProofHandler(credentials, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        var decisions = new Decisions();
        var invoice = system.NextInvoice();
        var iban = system.NextIban();
        var executed = (await api.LedgerAsync()).Count;

        // In scope: released, and the answer names the agent and the human who approved the credential.
        var amount = system.NextAmount(500m);
        using (var released = await agent.PostAsJsonAsync($"v1/payments/{invoice}/release", new { amount, currency = "EUR", destination = iban }))
        {
            var body = await released.Content.ReadFromJsonAsync<JsonNode>();
            Assert.True(released.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
            Assert.Equal(("released", EndToEndFixture.AgentId, EndToEndFixture.Approver, amount), (body!["status"]!.GetValue<string>(), body["agent"]!.GetValue<string>(), body["authoriser"]!.GetValue<string>(), body["amount"]!.GetValue<decimal>()));
            decisions.Add(credential.CredentialId, body["decision_id"]!.GetValue<string>(), "allowed");
        }

        var ledger = await api.LedgerAsync();
        Assert.Equal(executed + 1, ledger.Count);
        Assert.Equal(($"invoice:{invoice}", amount, iban, credential.CredentialId), (ledger[^1]!["resource"]!.GetValue<string>(), ledger[^1]!["amount"]!.GetValue<decimal>(), ledger[^1]!["destination"]!.GetValue<string>(), ledger[^1]!["credential_id"]!.GetValue<string>()));
        executed++;

        // Out of scope: the credential releases payments; reading invoices is another action.
        decisions.Add(credential.CredentialId, await DeniedAsync(await agent.GetAsync($"v1/invoices/{invoice}"), HttpStatusCode.Forbidden, "insufficient_scope", "scope_denied"), "scope_denied");
        Assert.Equal(executed, (await api.LedgerAsync()).Count);

        // Over the limit: 5,000 EUR is inside the agent's ceiling, but this credential allows 500.
        decisions.Add(credential.CredentialId, await DeniedAsync(await agent.PostAsJsonAsync($"v1/payments/{invoice}/release", new { amount = 5000m, currency = "EUR", destination = iban }), HttpStatusCode.Forbidden, "insufficient_scope", "constraint_violated"), "constraint_violated");
        Assert.Equal(executed, (await api.LedgerAsync()).Count);

        // Wrong audience: the sample agent presents its MCP server credential to the API.
        var mcpFile = system.SaveCredential("api-wrong-audience.json", mcpCredential.ToJsonString());
        var wrongAudience = await SampleAgent.RunAsync("call", "--key", system.KeyPath, "--credential-file", mcpFile, "--method", "POST",
            "--url", new Uri(api.BaseAddress, $"v1/payments/{invoice}/release").ToString(), "--json", $$"""{"amount": 12.50, "currency": "EUR", "destination": "{{iban}}"}""");
        Assert.True(wrongAudience.ExitCode == 3, wrongAudience.ToString());
        Assert.Equal("401", wrongAudience.Lines[0]);
        var wrongBody = JsonNode.Parse(string.Join('\n', wrongAudience.Lines.Skip(1)))!;
        Assert.Equal("audience_mismatch", wrongBody["reason"]!.GetValue<string>());
        decisions.Add(mcpCredential["credential_id"]!.GetValue<string>(), wrongBody["decision_id"]!.GetValue<string>(), "audience_mismatch");
        Assert.Equal(executed, (await api.LedgerAsync()).Count);

        // A replayed proof: the same request sent twice with one proof runs once.
        var target = new Uri(api.BaseAddress, $"v1/payments/{invoice}/release");
        var proof = system.Key.CreateProof("POST", target, credential.Credential, DateTimeOffset.UtcNow);
        using (var first = await SendWithProofAsync(api.Http, target, credential.Credential, proof, new { amount = 20m, currency = "EUR", destination = iban }))
        {
            var body = await first.Content.ReadFromJsonAsync<JsonNode>();
            Assert.True(first.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
            decisions.Add(credential.CredentialId, body!["decision_id"]!.GetValue<string>(), "allowed");
        }

        executed++;
        decisions.Add(credential.CredentialId, await DeniedAsync(await SendWithProofAsync(api.Http, target, credential.Credential, proof, new { amount = 20m, currency = "EUR", destination = iban }), HttpStatusCode.Unauthorized, "invalid_dpop_proof", "proof_replayed"), "proof_replayed");
        Assert.Equal(executed, (await api.LedgerAsync()).Count);

        await decisions.AssertTracedAsync(system, EndToEndFixture.Approver);
    }

    /// <summary>Asserts an ExecGov denial (status, challenge, problem body); returns its decision id.</summary>
    internal static async Task<string> DeniedAsync(HttpResponseMessage response, HttpStatusCode status, string error, string reason)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonNode>();
            Assert.True(response.StatusCode == status, $"expected {(int)status} {reason}, got {(int)response.StatusCode}: {body?.ToJsonString()}");
            Assert.Equal($"DPoP error=\"{error}\", error_description=\"{reason}\", algs=\"EdDSA\"", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(reason, body!["reason"]!.GetValue<string>());
            return body["decision_id"]!.GetValue<string>();
        }
    }

    private static async Task<HttpResponseMessage> SendWithProofAsync(HttpClient http, Uri target, string credential, string proof, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("DPoP", credential);
        request.Headers.TryAddWithoutValidation("DPoP", proof);
        return await http.SendAsync(request);
    }
}
