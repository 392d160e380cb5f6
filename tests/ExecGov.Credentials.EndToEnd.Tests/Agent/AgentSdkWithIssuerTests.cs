using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.EndToEnd.Tests.Agent;

/// <summary>
/// The agent SDK's issuer client against the real issuer (its own tests use a fake one): self-service issuance,
/// the approval path, refusals with the issuer's codes, and the credentials it gets working at a real verifier.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AgentSdkWithIssuerTests(EndToEndFixture system)
{
    [Fact]
    public async Task A_low_risk_self_service_request_is_issued_at_once_under_the_standing_grant_and_works_at_the_api()
    {
        var agent = await system.NewAgentAsync("reader");
        var invoice = system.NextInvoice();
        var scope = new AgentCredentialOptions();
        scope.Audience.Add(EndToEndFixture.ApiAudience);
        scope.AuthorizationDetails.Add(new AuthorizationDetail { Actions = ["invoices.read"], Locations = [EndToEndFixture.ApiAudience], Resources = [$"invoice:{invoice}"] });
        using var credentials = system.Provider(scope, agent.Id, agent.Key, agent.KeyPath);

        var result = await credentials.GetCredentialAsync();

        Assert.True(result.IsSuccess, $"{result.Error} {result.IssuerCode} {result.Detail}");
        var issued = result.Credential;
        Assert.Equal((system.AdminId, agent.StandingGrantId), (issued.Authoriser!.Subject, issued.Authoriser.ApprovalId));
        var listed = await system.Issuer.SendJsonAsync(HttpMethod.Get, $"v1/credentials?agent_id={agent.Id}", system.AuditorToken, null, HttpStatusCode.OK);
        var view = Assert.Single(listed.AsArray())!;
        Assert.Equal((issued.CredentialId, issued.SessionId), (view["credential_id"]!.GetValue<string>(), view["session_id"]!.GetValue<string>()));
        Assert.Equal(issued.ExpiresAt, view["expires_at"]!.GetValue<DateTimeOffset>());

        using var http = new HttpClient(new ExecGovProofHandler(credentials, new SocketsHttpHandler())) { BaseAddress = system.Api.BaseAddress };
        var invoiceView = await http.GetFromJsonAsync<JsonNode>($"v1/invoices/{invoice}");
        Assert.Equal(invoice, invoiceView!["invoice"]!.GetValue<string>());
        var entry = (await system.Api.LedgerAsync())[^1]!;
        Assert.Equal((agent.Id, system.AdminId, "invoices.read"), (entry["agent"]!.GetValue<string>(), entry["authoriser"]!.GetValue<string>(), entry["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_consequential_request_answered_202_waits_for_the_approver_and_is_collected_once()
    {
        var agent = await system.NewAgentAsync("payer");
        using var credentials = system.Provider(EndToEndFixture.ReleaseScope(EndToEndFixture.ApiAudience, maxAmount: 250m), agent.Id, agent.Key, agent.KeyPath);

        var request = credentials.GetCredentialAsync().AsTask();
        var approvalId = await system.DecidePendingAsync(agent.Id);
        var result = await request;

        Assert.True(result.IsSuccess, $"{result.Error} {result.IssuerCode} {result.Detail}");
        Assert.Equal((EndToEndFixture.Approver, approvalId), (result.Credential.Authoriser!.Subject, result.Credential.Authoriser.ApprovalId));
        var approval = await system.Issuer.SendJsonAsync(HttpMethod.Get, $"v1/approvals/{approvalId}", system.AuditorToken, null, HttpStatusCode.OK);
        Assert.Equal(("collected", $"agent:{agent.Id}", result.Credential.CredentialId), (approval["status"]!.GetValue<string>(), approval["requested_by"]!.GetValue<string>(), approval["credential_id"]!.GetValue<string>()));
        Assert.Same(result.Credential, (await credentials.GetCredentialAsync()).Credential);
    }

    [Fact]
    public async Task A_denied_approval_ends_the_wait_with_ApprovalDenied()
    {
        var agent = await system.NewAgentAsync("declined");
        using var credentials = system.Provider(EndToEndFixture.ReleaseScope(EndToEndFixture.McpAudience), agent.Id, agent.Key, agent.KeyPath);

        var request = credentials.GetCredentialAsync().AsTask();
        await system.DecidePendingAsync(agent.Id, "deny", "not this week");
        var result = await request;

        Assert.Equal(AgentCredentialError.ApprovalDenied, result.Error);
    }

    [Fact]
    public async Task A_request_beyond_the_ceiling_is_refused_with_the_issuers_code()
    {
        var agent = await system.NewAgentAsync("greedy");
        using var credentials = system.Provider(EndToEndFixture.ReleaseScope(EndToEndFixture.ApiAudience, maxAmount: 10_000m), agent.Id, agent.Key, agent.KeyPath);

        var result = await credentials.GetCredentialAsync();

        Assert.Equal((AgentCredentialError.IssuerRefused, "scope_exceeds_ceiling"), (result.Error, result.IssuerCode));
    }

    [Fact]
    public async Task An_agent_signing_with_a_key_it_did_not_register_is_refused_invalid_assertion()
    {
        var agent = await system.NewAgentAsync("impostor");
        using var otherKey = AgentKey.Create(system.Folder.File(agent.Id + "-other.json"));
        var scope = new AgentCredentialOptions();
        scope.Audience.Add(EndToEndFixture.ApiAudience);
        scope.AuthorizationDetails.Add(new AuthorizationDetail { Actions = ["invoices.read"], Locations = [EndToEndFixture.ApiAudience], Resources = ["invoice:*"] });
        using var credentials = system.Provider(scope, agent.Id, otherKey, agent.KeyPath);

        var result = await credentials.GetCredentialAsync();

        Assert.Equal((AgentCredentialError.IssuerRefused, "invalid_assertion"), (result.Error, result.IssuerCode));
    }
}
