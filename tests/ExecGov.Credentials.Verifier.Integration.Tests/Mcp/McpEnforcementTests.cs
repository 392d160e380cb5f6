using ExecGov.Credentials.Agent;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Agent.Tests.Issuer;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Mcp;

/// <summary>
/// A real MCP server (Streamable HTTP on Kestrel) with ExecGov enforcement, called by a real MCP client whose
/// HttpClient carries the agent SDK's proof handler, with credentials from a fake issuer.
/// </summary>
public sealed class McpEnforcementTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("execgov-mcp-tests-").FullName;
    private readonly InMemoryStatusSource _status = new();
    private AgentKey _key = null!;
    private FakeIssuer _issuer = null!;
    private PaymentsMcpServer _server = null!;
    private AgentCredentialProvider _credentials = null!;
    private ProofOverrideHandler _network = null!;
    private HttpClient _http = null!;
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        _key = AgentKey.Create(Path.Combine(_folder, "agent-key.json"));
        _issuer = await FakeIssuer.StartAsync("agent-mcp-7", _key.PublicJwk);
        _status.DeclareList(FakeIssuer.StatusListUri);
        _server = await PaymentsMcpServer.StartAsync(_issuer, _status);
        var request = new AgentCredentialOptions();
        request.Audience.Add(PaymentsMcpServer.Audience);
        request.AuthorizationDetails.Add(new AuthorizationDetail
        {
            Actions = ["payments.release"],
            Resources = ["invoice:*"],
            Constraints = new ActionConstraints { MaxAmount = 500m, Currency = "EUR", Destinations = ["DE89370400440532013000"] },
        });
        _credentials = new AgentCredentialProvider(
            _key,
            new ExecGovAgentOptions { AgentId = "agent-mcp-7", Issuer = _issuer.Issuer, KeyPath = Path.Combine(_folder, "agent-key.json") },
            request,
            new HttpClient());
        _network = new ProofOverrideHandler(new SocketsHttpHandler());
        _http = new HttpClient(new ExecGovProofHandler(_credentials, _network));
        _client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = _server.Endpoint }, _http, loggerFactory: null, ownsHttpClient: false));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _http.Dispose();
        _credentials.Dispose();
        await _server.DisposeAsync();
        await _issuer.DisposeAsync();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_allowed_tool_call_runs_the_tool()
    {
        var result = await ReleaseAsync(amount: 120.50m);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("released 120.50 EUR for invoice 2026-118 to DE89370400440532013000", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal(1, _server.Tools.Count);
        var record = Assert.Single(_server.Records.Records);
        Assert.Equal(("allow", "payments.release", "invoice:2026-118", "agent-mcp-7", "admin-7"), (record.Outcome, record.Action, record.Resource, record.Agent, record.Authoriser));
    }

    [Fact]
    public async Task An_unmapped_tool_is_denied_and_never_runs()
    {
        var result = await _client.CallToolAsync("delete_all_invoices", new Dictionary<string, object?>());

        AssertDenied(result, "scope_denied", toolRuns: 0);
        Assert.Equal("mcp-tool:delete_all_invoices", _server.Records.Records.Last().Action);
    }

    [Fact]
    public async Task A_tool_whose_action_the_credential_lacks_is_denied_scope_denied()
    {
        var result = await _client.CallToolAsync("get_invoice", new Dictionary<string, object?> { ["invoice"] = "2026-118" });

        AssertDenied(result, "scope_denied", toolRuns: 0);
    }

    [Fact]
    public async Task An_argument_over_the_limit_is_denied_constraint_violated()
    {
        var result = await ReleaseAsync(amount: 5000m);

        AssertDenied(result, "constraint_violated", toolRuns: 0);
    }

    [Theory]
    [InlineData("500.0000000000000000000000000049")]
    [InlineData("500\u0000")]
    [InlineData("5e2")]
    [InlineData(" 500")]
    [InlineData("-1")]
    public async Task An_amount_the_verifier_cannot_read_exactly_is_denied_constraint_violated(string amount)
    {
        var text = await _client.CallToolAsync("release_payment", new Dictionary<string, object?>
        {
            ["invoice"] = "2026-118",
            ["amount"] = amount,
            ["currency"] = "EUR",
            ["iban"] = "DE89370400440532013000",
        });

        AssertDenied(text, "constraint_violated", toolRuns: 0);
    }

    [Fact]
    public async Task A_json_number_past_decimal_precision_is_denied_not_rounded_into_range()
    {
        var result = await _client.CallToolAsync("release_payment", new Dictionary<string, object?>
        {
            ["invoice"] = "2026-118",
            ["amount"] = System.Text.Json.JsonDocument.Parse("500.0000000000000000000000000049").RootElement,
            ["currency"] = "EUR",
            ["iban"] = "DE89370400440532013000",
        });

        AssertDenied(result, "constraint_violated", toolRuns: 0);
    }

    [Fact]
    public async Task An_amount_given_twice_in_different_case_is_not_guessed()
    {
        var result = await _client.CallToolAsync("release_payment", new Dictionary<string, object?>
        {
            ["invoice"] = "2026-118",
            ["amount"] = 10m,
            ["Amount"] = 5000m,
            ["currency"] = "EUR",
            ["iban"] = "DE89370400440532013000",
        });

        AssertDenied(result, "constraint_violated", toolRuns: 0);
    }

    [Fact]
    public async Task A_replayed_proof_is_denied_proof_replayed_and_the_tool_runs_once()
    {
        var first = await ReleaseAsync(amount: 10m);
        _network.Override = _network.LastProof;

        var second = await ReleaseAsync(amount: 10m);

        Assert.NotEqual(true, first.IsError);
        AssertDenied(second, "proof_replayed", toolRuns: 1);
    }

    [Fact]
    public async Task A_revoked_credential_is_denied_revoked()
    {
        var first = await ReleaseAsync(amount: 10m);
        _status.Set(_issuer.Issued.Single().Status, CredentialStatus.Revoked);

        var second = await ReleaseAsync(amount: 10m);

        Assert.NotEqual(true, first.IsError);
        AssertDenied(second, "revoked", toolRuns: 1);
    }

    [Fact]
    public async Task A_client_without_a_credential_cannot_call_a_tool()
    {
        using var plain = new HttpClient();
        await using var anonymous = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = _server.Endpoint }, plain, loggerFactory: null, ownsHttpClient: false));

        var result = await anonymous.CallToolAsync("release_payment", Release(10m));

        AssertDenied(result, "malformed", toolRuns: 0);
    }

    [Fact]
    public async Task A_stateful_session_checks_each_call_with_the_proof_of_its_own_request()
    {
        await using var server = await PaymentsMcpServer.StartAsync(_issuer, _status, stateful: true);
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint }, _http, loggerFactory: null, ownsHttpClient: false));

        var first = await client.CallToolAsync("release_payment", Release(10m));
        var second = await client.CallToolAsync("release_payment", Release(20m));
        _network.Override = _network.LastProof;
        var replayed = await client.CallToolAsync("release_payment", Release(30m));

        Assert.NotEqual(true, first.IsError);
        Assert.NotEqual(true, second.IsError);
        Assert.True(replayed.IsError);
        Assert.Equal("proof_replayed", replayed.Meta!["io.execgov/decision"]!["reason"]!.GetValue<string>());
        Assert.Equal(2, server.Tools.Count);
        _network.Override = null;
    }

    [Fact]
    public async Task Start_up_refuses_a_server_with_no_tool_mapped()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PaymentsMcpServer.StartAsync(_issuer, _status, _ => { }));

        Assert.Contains("no tool is mapped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_refuses_a_per_session_execution_context()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PaymentsMcpServer.StartAsync(_issuer, _status, stateful: true, transport: o =>
        {
#pragma warning disable MCP9006 // Set on purpose: start-up must refuse it.
            o.PerSessionExecutionContext = true;
#pragma warning restore MCP9006
        }));

        Assert.Contains("PerSessionExecutionContext must be false", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Release(decimal amount) => new()
    {
        ["invoice"] = "2026-118",
        ["amount"] = amount,
        ["currency"] = "EUR",
        ["iban"] = "DE89370400440532013000",
    };

    private async Task<CallToolResult> ReleaseAsync(decimal amount) => await _client.CallToolAsync("release_payment", Release(amount));

    private void AssertDenied(CallToolResult result, string reason, int toolRuns)
    {
        Assert.True(result.IsError);
        var decision = result.Meta?["io.execgov/decision"];
        Assert.NotNull(decision);
        Assert.Equal("deny", decision["decision"]!.GetValue<string>());
        Assert.Equal(reason, decision["reason"]!.GetValue<string>());
        Assert.StartsWith($"Denied by ExecGov: {reason}.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        var record = _server.Records.Records.Last();
        Assert.Equal(("deny", reason, decision["decision_id"]!.GetValue<string>()), (record.Outcome, record.Reason, record.DecisionId));
        Assert.Equal(toolRuns, _server.Tools.Count);
    }
}
