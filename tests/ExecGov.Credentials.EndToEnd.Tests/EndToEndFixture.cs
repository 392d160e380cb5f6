using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using Bogus;
using ExecGov.Credentials.Agent;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.EndToEnd.Tests.Hosts;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.EndToEnd.Tests;

/// <summary>
/// One running system for the whole suite: the issuer, the sample payments API and MCP tool server (each shipping its
/// decisions with its own <c>verifier</c>-role client), signed-in admins for each role, and one agent whose key the
/// sample agent generated and an admin registered.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string AgentId = "agent-invoice-bot";
    public const string ApiAudience = "payments-api";
    public const string McpAudience = "payments-mcp";
    public const string Approver = "approver-ines";
    public const string Responder = "responder-raj";

    private readonly List<IDisposable> _owned = [];

    internal IssuerUnderTest Issuer { get; private set; } = null!;

    internal SampleUnderTest Api { get; private set; } = null!;

    internal SampleUnderTest Mcp { get; private set; } = null!;

    internal TempFolder Folder { get; } = new("execgov-e2e-agent-");

    /// <summary>The bootstrap admin (every role); registered the agent, so it authorises its low-risk self-service.</summary>
    internal string AdminToken { get; private set; } = null!;

    internal string ApproverToken { get; private set; } = null!;

    internal string AuditorToken { get; private set; } = null!;

    internal string ResponderToken { get; private set; } = null!;

    internal string AdminId { get; private set; } = null!;

    internal string KeyPath => Folder.File("agent-key.json");

    internal AgentKey Key { get; private set; } = null!;

    /// <summary>Realistic invoices, amounts and accounts, reproducible.</summary>
    internal Faker Faker { get; } = new() { Random = new Randomizer(5005) };

    public async Task InitializeAsync()
    {
        Issuer = await IssuerUnderTest.StartAsync();
        var (adminId, adminSecret) = Issuer.BootstrapSecret();
        AdminId = adminId;
        AdminToken = await Issuer.SignInAsync(adminId, adminSecret);
        // The bootstrap approver (configured as approver-ines, person ines): the first approver comes from the first start.
        var (approverId, approverSecret) = Issuer.BootstrapSecret("bootstrap-approver.json");
        ApproverToken = await Issuer.SignInAsync(approverId, approverSecret);
        AuditorToken = await Issuer.SignInAsync("auditor-ade", await Issuer.CreateClientAsync(AdminToken, "auditor-ade", "auditor"));
        ResponderToken = await Issuer.SignInAsync(Responder, await Issuer.CreateClientAsync(AdminToken, Responder, "responder"));

        var apiShipper = await Issuer.CreateClientAsync(AdminToken, "verifier-payments-api", "verifier");
        var mcpShipper = await Issuer.CreateClientAsync(AdminToken, "verifier-payments-mcp", "verifier");
        Api = await SampleUnderTest.StartAsync(ExecGov.Samples.PaymentsApi.Program.Build, "v1/ledger", Issuer, "verifier-payments-api", apiShipper);
        Mcp = await SampleUnderTest.StartAsync(ExecGov.Samples.McpToolServer.Program.Build, "ledger", Issuer, "verifier-payments-mcp", mcpShipper);

        // The agent's key comes from the sample agent itself; an admin registers its public half.
        var keygen = await SampleAgent.RunAsync("keygen", "--key", KeyPath);
        Assert.True(keygen.ExitCode == 0, keygen.ToString());
        await RegisterAgentAsync(AgentId, JsonNode.Parse(keygen.Stdout)!);
        Key = AgentKey.Load(KeyPath);
    }

    public async Task DisposeAsync()
    {
        Key?.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (Mcp is not null)
        {
            await Mcp.DisposeAsync();
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }

        Folder.Dispose();
    }

    /// <summary>
    /// Registers an agent allowed on both samples (and on <c>reports-api</c>): invoices read freely, payments released up
    /// to 5,000 EUR per call — payment release is consequential, so each grant of it waits for an approver.
    /// </summary>
    internal async Task<JsonNode> RegisterAgentAsync(string id, JsonNode publicJwk) =>
        await Issuer.SendJsonAsync(HttpMethod.Post, "v1/agents", AdminToken, new
        {
            id,
            display_name = "Invoice bot",
            owner = "Finance operations",
            public_key = publicJwk,
            allowed_audiences = new[] { ApiAudience, McpAudience, "reports-api" },
            ceiling = new object[]
            {
                new { type = "execgov_action", actions = new[] { "invoices.read" }, locations = new[] { ApiAudience, McpAudience, "reports-api" }, resources = new[] { "invoice:*" } },
                new
                {
                    type = "execgov_action", actions = new[] { "payments.release" }, locations = new[] { ApiAudience, McpAudience }, resources = new[] { "invoice:*" },
                    constraints = new { max_amount = 5000m, currency = "EUR" },
                },
            },
            max_lifetime_seconds = 600,
        }, HttpStatusCode.Created);

    /// <summary>A fresh agent with its own key file, registered like <see cref="AgentId"/>.</summary>
    internal async Task<TestAgent> NewAgentAsync(string name)
    {
        var id = $"agent-{name}-{Faker.Random.AlphaNumeric(6).ToLowerInvariant()}";
        var path = Folder.File(id + ".json");
        var key = AgentKey.Create(path);
        _owned.Add(key);
        var registered = await RegisterAgentAsync(id, JsonNode.Parse(key.PublicJwk)!);
        return new TestAgent(id, path, key, registered["standing_grant_id"]!.GetValue<string>());
    }

    /// <summary>The scope of a payment-release grant on <paramref name="audience"/>: any invoice, at most <paramref name="maxAmount"/> EUR.</summary>
    internal static AgentCredentialOptions ReleaseScope(string audience, decimal maxAmount = 500m)
    {
        var scope = new AgentCredentialOptions { ApprovalPollInterval = TimeSpan.FromMilliseconds(100), ApprovalTimeout = TimeSpan.FromMinutes(1) };
        scope.Audience.Add(audience);
        scope.AuthorizationDetails.Add(new AuthorizationDetail
        {
            Actions = ["payments.release"],
            Locations = [audience],
            Resources = ["invoice:*"],
            Constraints = new ActionConstraints { MaxAmount = maxAmount, Currency = "EUR" },
        });
        return scope;
    }

    /// <summary>An agent SDK credential provider for <paramref name="agentId"/> talking to the real issuer.</summary>
    internal AgentCredentialProvider Provider(AgentCredentialOptions scope, string agentId = AgentId, AgentKey? key = null, string? keyPath = null)
    {
        var issuerHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _owned.Add(issuerHttp);
        return new AgentCredentialProvider(
            key ?? Key,
            new ExecGovAgentOptions { AgentId = agentId, Issuer = Issuer.IssuerId, KeyPath = keyPath ?? KeyPath },
            scope,
            issuerHttp);
    }

    /// <summary>
    /// Waits for <paramref name="agentId"/>'s pending approval request to appear, then has the approver decide it
    /// (<c>approve</c> or <c>deny</c>); returns the approval id.
    /// </summary>
    internal async Task<string> DecidePendingAsync(string agentId, string decision = "approve", string reason = "invoice batch checked")
    {
        var approvalId = await Eventually.ValueAsync(async () =>
        {
            var pending = await Issuer.SendJsonAsync(HttpMethod.Get, "v1/approvals?status=pending", ApproverToken, null, HttpStatusCode.OK);
            return pending.AsArray().FirstOrDefault(a => a!["agent_id"]!.GetValue<string>() == agentId)?["approval_id"]!.GetValue<string>();
        }, $"a pending approval of {agentId}");
        await Issuer.SendJsonAsync(HttpMethod.Post, $"v1/approvals/{approvalId}/{decision}", ApproverToken, new { reason }, HttpStatusCode.OK);
        return approvalId;
    }

    /// <summary>Obtains a credential through the SDK while the approver approves it, as the agent would in production.</summary>
    internal async Task<IssuedCredential> ApprovedCredentialAsync(AgentCredentialProvider provider, string agentId = AgentId)
    {
        var request = provider.GetCredentialAsync().AsTask();
        await DecidePendingAsync(agentId);
        var result = await request;
        Assert.True(result.IsSuccess, $"{result.Error} {result.IssuerCode} {result.Detail}");
        return result.Credential;
    }

    /// <summary>An admin-issued consequential credential: requested (202), approved by the approver, collected by the admin.</summary>
    internal async Task<JsonNode> AdminIssuedReleaseCredentialAsync(string audience, decimal maxAmount = 500m)
    {
        var pending = await Issuer.SendJsonAsync(HttpMethod.Post, "v1/credentials", AdminToken, new
        {
            agent_id = AgentId,
            audience = new[] { audience },
            authorization_details = new[]
            {
                new { type = "execgov_action", actions = new[] { "payments.release" }, locations = new[] { audience }, resources = new[] { "invoice:*" }, constraints = new { max_amount = maxAmount, currency = "EUR" } },
            },
        }, HttpStatusCode.Accepted);
        var approvalId = pending["approval_id"]!.GetValue<string>();
        await Issuer.SendJsonAsync(HttpMethod.Post, $"v1/approvals/{approvalId}/approve", ApproverToken, new { reason = "tool access for the invoice run" }, HttpStatusCode.OK);
        var collected = await Issuer.SendJsonAsync(HttpMethod.Post, $"v1/approvals/{approvalId}/collect", AdminToken, null, HttpStatusCode.Created);
        return collected["credential"]!;
    }

    /// <summary>Writes a credential to a file the sample agent reads with <c>--credential-file</c>.</summary>
    internal string SaveCredential(string name, string contents)
    {
        var path = Folder.File(name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>
    /// Revokes <paramref name="credentialId"/> as the responder, then waits until <paramref name="sample"/>'s status
    /// source (pushed over the issuer's event stream) knows, so the call after it is a real "after revocation".
    /// </summary>
    internal async Task RevokeAsync(string credentialId, string credential, SampleUnderTest sample)
    {
        var act = await Issuer.SendJsonAsync(HttpMethod.Post, "v1/revocations", ResponderToken,
            new { scope = "credential", target = credentialId, action = "revoke", reason = "agent behaved outside its task" }, HttpStatusCode.OK);
        Assert.Equal(1, act["changed"]!.GetValue<int>());

        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(credential.Split('.')[1]))!;
        var reference = new StatusListReference
        {
            Index = payload["status"]!["status_list"]!["idx"]!.GetValue<int>(),
            Uri = payload["status"]!["status_list"]!["uri"]!.GetValue<string>(),
        };
        var status = sample.Services.GetRequiredService<ICredentialStatusSource>();
        await Eventually.TrueAsync(
            async () => await status.GetStatusAsync(Issuer.IssuerId, reference, CancellationToken.None) == CredentialStatus.Revoked,
            $"the revocation of {credentialId} to reach the sample");
    }

    /// <summary>Asserts the credential's trace records its revocation by the responder.</summary>
    internal async Task AssertRevocationTracedAsync(string credentialId)
    {
        var trace = await Issuer.SendJsonAsync(HttpMethod.Get, $"v1/audit/trace/{credentialId}", AuditorToken, null, HttpStatusCode.OK);
        Assert.Contains(trace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded" && e["actor"]!.GetValue<string>() == Responder);
    }

    internal string NextInvoice() => $"{Faker.Date.Recent(90, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)):yyyy}-{Faker.Random.Int(100, 999)}";

    internal string NextIban() => Faker.Finance.Iban(formatted: false, countryCode: "DE");

    internal decimal NextAmount(decimal max) => Math.Round(Faker.Random.Decimal(10m, max), 2);
}
