using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// One running issuer for the people-and-roles tests, with a rule that payment releases above 1,000 need two
/// approvers: the bootstrap admin (person <c>bootstrap-admin</c>), the bootstrap approver <c>approver-ines</c>
/// (person <c>ines</c>), and a responder <c>responder-raj</c>.
/// </summary>
public sealed class PeopleFixture : IAsyncLifetime
{
    internal IssuerHost Host { get; private set; } = null!;

    internal string AdminToken { get; private set; } = null!;

    internal string InesToken { get; private set; } = null!;

    internal string ResponderToken { get; private set; } = null!;

    internal TestAgents Agents { get; } = new(seed: 7007);

    public async Task InitializeAsync()
    {
        Host = await IssuerHost.StartAsync(extraArgs:
        [
            "--Issuer:Policy:ApprovalRules:0:Action=payments.release",
            "--Issuer:Policy:ApprovalRules:0:AboveAmount=1000",
            "--Issuer:Policy:ApprovalRules:0:Approvers=2",
        ]);
        AdminToken = await Host.SignInAsBootstrapAsync();
        InesToken = await Host.SignInAsBootstrapApproverAsync();
        ResponderToken = await Host.CreateClientAndSignInAsync(AdminToken, "responder-raj", "raj", ["responder"]);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// Creates a private_key_jwt approver client for <paramref name="person"/> the only way there is: an admin asks
    /// (202), the bootstrap approver approves, and the client exists. Returns the signed-in approver's token.
    /// </summary>
    internal async Task<string> CreateApproverAsync(string clientId, string person)
    {
        var key = Ed25519SigningKey.Generate();
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients", AdminToken,
            new { client_id = clientId, display_name = clientId, person, roles = new[] { "approver" }, public_key = Jwk(key) }, HttpStatusCode.Accepted);
        var approved = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{pending["approval_id"]!.GetValue<string>()}/approve", InesToken,
            new { reason = "new approver vetted" }, HttpStatusCode.OK);
        Assert.Equal("collected", approved["status"]!.GetValue<string>());
        return await Host.SignInWithKeyAsync(clientId, key);
    }

    internal static object Jwk(Ed25519SigningKey key) => new { kty = "OKP", crv = "Ed25519", x = key.ToPublicJwk().X };

    internal async Task<TestAgent> RegisterAgentAsync(string adminToken)
    {
        var agent = Agents.Next();
        await Host.SendJsonAsync(HttpMethod.Post, "/v1/agents", adminToken, agent.Registration(), HttpStatusCode.Created);
        return agent;
    }

    internal async Task<string> RequestReleaseAsync(string adminToken, TestAgent agent, decimal amount)
    {
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", adminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope(amount) }, HttpStatusCode.Accepted);
        return pending["approval_id"]!.GetValue<string>();
    }

    /// <summary>The recent audit records of <paramref name="kind"/> (the bootstrap admin holds the auditor role).</summary>
    internal async Task<List<JsonNode>> AuditRecordsAsync(string kind)
    {
        var records = await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/records?limit=1000", AdminToken, null, HttpStatusCode.OK);
        return records.AsArray().Where(r => r!["kind"]!.GetValue<string>() == kind).Select(r => r!).ToList();
    }
}
