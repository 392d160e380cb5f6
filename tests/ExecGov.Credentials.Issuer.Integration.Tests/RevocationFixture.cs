using System.Net;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// One running issuer (revocation on its embedded defaults) and one real verifier subscribed to it through its
/// metadata, shared by a test class, with signed-in callers for each role.
/// </summary>
public sealed class RevocationFixture : IAsyncLifetime
{
    /// <summary>How long a pushed revocation may take to reach the verifier on a loaded 2-core machine before a test fails.</summary>
    internal static readonly TimeSpan Moments = TimeSpan.FromSeconds(10);

    internal IssuerHost Host { get; private set; } = null!;

    internal StatusVerifier Verifier { get; private set; } = null!;

    /// <summary>The bootstrap admin: admin, responder, auditor.</summary>
    internal string AdminToken { get; private set; } = null!;

    internal string ResponderToken { get; private set; } = null!;

    internal string AuditorToken { get; private set; } = null!;

    internal TestAgents Agents { get; } = new(seed: 5005);

    public async Task InitializeAsync()
    {
        Host = await IssuerHost.StartAsync();
        AdminToken = await Host.SignInAsBootstrapAsync();
        ResponderToken = await Host.CreateClientAndSignInAsync(AdminToken, "responder-raj", "responder");
        AuditorToken = await Host.CreateClientAndSignInAsync(AdminToken, "auditor-ade", "auditor");
        Verifier = await StatusVerifier.StartAsync(Host);
    }

    public async Task DisposeAsync()
    {
        await Verifier.DisposeAsync();
        await Host.DisposeAsync();
    }

    internal async Task<TestAgent> RegisterAgentAsync()
    {
        var agent = Agents.Next();
        await Host.SendJsonAsync(HttpMethod.Post, "/v1/agents", AdminToken, agent.Registration(), HttpStatusCode.Created);
        return agent;
    }

    /// <summary>Issues a read credential to <paramref name="agent"/> as <paramref name="adminToken"/> (default: the bootstrap admin).</summary>
    internal async Task<Issued> IssueAsync(TestAgent agent, string? sessionId = null, string? adminToken = null)
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

        var issued = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", adminToken ?? AdminToken, body.ToJsonString(), HttpStatusCode.Created);
        return new Issued(issued["credential"]!.GetValue<string>(), issued["credential_id"]!.GetValue<string>(), issued["session_id"]!.GetValue<string>(),
            issued["status"]!["idx"]!.GetValue<int>(), issued["status"]!["uri"]!.GetValue<string>());
    }

    /// <summary>Posts an act as the responder and expects 200.</summary>
    internal Task<JsonNode> ActAsync(string scope, string target, string action, string reason) =>
        Host.SendJsonAsync(HttpMethod.Post, "/v1/revocations", ResponderToken, new { scope, target, action, reason }, HttpStatusCode.OK);
}

/// <summary>An issued credential: the token and where its status lives.</summary>
internal sealed record Issued(string Token, string Id, string SessionId, int Index, string StatusUri);
