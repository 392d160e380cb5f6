namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>One running issuer shared by a test class, with signed-in callers for each role.</summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    internal IssuerHost Host { get; private set; } = null!;

    /// <summary>The bootstrap admin: admin, responder, auditor (person <c>bootstrap-admin</c>).</summary>
    internal string AdminToken { get; private set; } = null!;

    /// <summary>The bootstrap approver <c>approver-ines</c> (person <c>ines</c>).</summary>
    internal string ApproverToken { get; private set; } = null!;

    internal string AuditorToken { get; private set; } = null!;

    internal string ResponderToken { get; private set; } = null!;

    internal string VerifierToken { get; private set; } = null!;

    internal TestAgents Agents { get; } = new(seed: 3003);

    /// <summary>A real verifier trusting this issuer through its metadata (keys, status lists, event stream).</summary>
    internal StatusVerifier Verifier { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await IssuerHost.StartAsync();
        AdminToken = await Host.SignInAsBootstrapAsync();
        ApproverToken = await Host.SignInAsBootstrapApproverAsync();
        AuditorToken = await Host.CreateClientAndSignInAsync(AdminToken, "auditor-ade", "auditor");
        ResponderToken = await Host.CreateClientAndSignInAsync(AdminToken, "responder-raj", "responder");
        VerifierToken = await Host.CreateClientAndSignInAsync(AdminToken, "verifier-payments", "verifier");
        Verifier = await StatusVerifier.StartAsync(Host);
    }

    public async Task DisposeAsync()
    {
        await Verifier.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>Registers a fresh agent (as the bootstrap admin) and returns it.</summary>
    internal async Task<TestAgent> RegisterAgentAsync(long maxLifetimeSeconds = 600)
    {
        var agent = Agents.Next();
        await Host.SendJsonAsync(HttpMethod.Post, "/v1/agents", AdminToken, agent.Registration(maxLifetimeSeconds), System.Net.HttpStatusCode.Created);
        return agent;
    }
}
