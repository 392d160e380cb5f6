using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.EndToEnd.Tests.Hosts;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ExecGov.Credentials.EndToEnd.Tests.Scenarios;

/// <summary>
/// The sample MCP tool server with the real issuer: the sample agent's <c>mcp</c> command (and an MCP SDK client for
/// the replay) calls tools with an admin-issued, human-approved credential; every call outside it is denied before
/// the tool runs, and the ledger proves it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class McpToolServerTests(EndToEndFixture system)
{
    [Fact]
    public async Task Tools_run_only_within_the_credential_and_the_trace_shows_every_decision_with_its_authoriser()
    {
        var mcp = system.Mcp;
        var endpoint = new Uri(mcp.BaseAddress, "mcp").ToString();
        var issued = await system.AdminIssuedReleaseCredentialAsync(EndToEndFixture.McpAudience, maxAmount: 500m);
        var credentialId = issued["credential_id"]!.GetValue<string>();
        var credentialFile = system.SaveCredential("mcp-credential.json", issued.ToJsonString());
        using var apiCredentials = system.Provider(EndToEndFixture.ReleaseScope(EndToEndFixture.ApiAudience));
        var apiCredential = await system.ApprovedCredentialAsync(apiCredentials);
        var apiCredentialFile = system.SaveCredential("mcp-wrong-audience.jwt", apiCredential.Credential);
        var decisions = new Decisions();
        var invoice = system.NextInvoice();
        var iban = system.NextIban();
        var executed = (await mcp.LedgerAsync()).Count;

        // In scope: the tool runs once and says who authorised it.
        var amount = system.NextAmount(500m);
        var released = await CallToolAsync(credentialFile, endpoint, "release_payment", Release(invoice, amount, iban));
        Assert.True(released.ExitCode == 0, released.ToString());
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"released {amount:0.00} EUR for invoice {invoice} to {iban}"), released.Stdout, StringComparison.Ordinal);
        Assert.Contains($"authorised by {EndToEndFixture.Approver}", released.Stdout, StringComparison.Ordinal);
        decisions.Add(credentialId, Decisions.IdInText(released.Stdout), "allowed");
        var ledger = await mcp.LedgerAsync();
        Assert.Equal(executed + 1, ledger.Count);
        Assert.Equal(($"invoice:{invoice}", amount, credentialId), (ledger[^1]!["resource"]!.GetValue<string>(), ledger[^1]!["amount"]!.GetValue<decimal>(), ledger[^1]!["credential_id"]!.GetValue<string>()));
        executed++;

        // Out of scope, over the limit, and a credential for another audience: each an error result, no tool run.
        decisions.Add(credentialId, Denied(await CallToolAsync(credentialFile, endpoint, "get_invoice", $$"""{"invoice": "{{invoice}}"}"""), "scope_denied"), "scope_denied");
        decisions.Add(credentialId, Denied(await CallToolAsync(credentialFile, endpoint, "release_payment", Release(invoice, 5000m, iban)), "constraint_violated"), "constraint_violated");
        decisions.Add(apiCredential.CredentialId, Denied(await CallToolAsync(apiCredentialFile, endpoint, "release_payment", Release(invoice, 12.5m, iban)), "audience_mismatch"), "audience_mismatch");
        Assert.Equal(executed, (await mcp.LedgerAsync()).Count);

        // A replayed proof: the tools/call request sent again with the proof it already used.
        var presenter = new ReplayingProofHandler(system.Key, issued["credential"]!.GetValue<string>());
        using var http = new HttpClient(presenter);
        await using (var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(endpoint), TransportMode = HttpTransportMode.StreamableHttp }, http, loggerFactory: null, ownsHttpClient: false)))
        {
            var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Release(invoice, 20m, iban))!;
            var first = await client.CallToolAsync(new CallToolRequestParams { Name = "release_payment", Arguments = arguments });
            Assert.NotEqual(true, first.IsError);
            decisions.Add(credentialId, Decisions.IdInText(((TextContentBlock)first.Content.Single()).Text), "allowed");
            executed++;

            presenter.ReplayLastProof = true;
            var replayed = await client.CallToolAsync(new CallToolRequestParams { Name = "release_payment", Arguments = arguments });
            Assert.Equal(true, replayed.IsError);
            var meta = replayed.Meta!["io.execgov/decision"]!;
            Assert.Equal("proof_replayed", meta["reason"]!.GetValue<string>());
            decisions.Add(credentialId, meta["decision_id"]!.GetValue<string>(), "proof_replayed");
        }

        Assert.Equal(executed, (await mcp.LedgerAsync()).Count);

        // After revocation: the same call that ran before is refused, and the tool does not run.
        await system.RevokeAsync(credentialId, issued["credential"]!.GetValue<string>(), mcp);
        decisions.Add(credentialId, Denied(await CallToolAsync(credentialFile, endpoint, "release_payment", Release(invoice, 10m, iban)), "revoked"), "revoked");
        Assert.Equal(executed, (await mcp.LedgerAsync()).Count);

        await decisions.AssertTracedAsync(system, EndToEndFixture.Approver);
        await system.AssertRevocationTracedAsync(credentialId);
    }

    private static string Release(string invoice, decimal amount, string iban) =>
        new JsonObject { ["invoice"] = invoice, ["amount"] = amount, ["currency"] = "EUR", ["destination"] = iban }.ToJsonString();

    private Task<AgentRun> CallToolAsync(string credentialFile, string endpoint, string tool, string args) =>
        SampleAgent.RunAsync("mcp", "--key", system.KeyPath, "--credential-file", credentialFile, "--url", endpoint, "--tool", tool, "--args", args);

    /// <summary>Asserts the sample agent printed an ExecGov denial and exited 3; returns the decision id.</summary>
    private static string Denied(AgentRun run, string reason)
    {
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith($"Denied by ExecGov: {reason}.", run.Stdout, StringComparison.Ordinal);
        return Decisions.IdInText(run.Stdout);
    }
}
