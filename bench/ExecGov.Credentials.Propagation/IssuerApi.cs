using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Http.Tokens;

namespace ExecGov.Credentials.Propagation;

/// <summary>The issuer's admin API as this tool uses it: sign in, a responder, an agent, issuance, revocation.</summary>
internal sealed class IssuerApi(HttpClient http)
{
    public const string Audience = "payments-api";
    public const string Action = "payments.read";
    public const string Resource = "invoice:2026-118";

    private string _admin = "";
    private string _responder = "";

    public async Task SignInAsync(string dataPath, CancellationToken cancellationToken)
    {
        var secret = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dataPath, "bootstrap-admin.json"), cancellationToken).ConfigureAwait(false))!;
        _admin = await TokenAsync(secret["client_id"]!.GetValue<string>(), secret["client_secret"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
        var responder = await SendAsync(HttpMethod.Post, "/v1/admin-clients", _admin,
            new { client_id = "responder-bench", display_name = "Propagation bench responder", person = "bench-responder", roles = new[] { "responder" } }, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
        _responder = await TokenAsync("responder-bench", responder["client_secret"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers an agent that may read invoices for 15 minutes at a time.</summary>
    public async Task<string> RegisterAgentAsync(Ed25519SigningKey key, CancellationToken cancellationToken)
    {
        const string id = "agent-propagation-bench";
        await SendAsync(HttpMethod.Post, "/v1/agents", _admin, new
        {
            id,
            display_name = "Propagation bench agent",
            owner = "Benchmarks",
            public_key = new { kty = "OKP", crv = "Ed25519", x = key.ToPublicJwk().X },
            allowed_audiences = new[] { Audience },
            ceiling = new[] { new { type = "execgov_action", actions = new[] { Action }, locations = new[] { Audience }, resources = new[] { "invoice:*" } } },
            max_lifetime_seconds = 900,
        }, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Issues one credential; answers its token and id.</summary>
    public async Task<(string Token, string Id)> IssueAsync(string agentId, CancellationToken cancellationToken)
    {
        var issued = await SendAsync(HttpMethod.Post, "/v1/credentials", _admin, new
        {
            agent_id = agentId,
            audience = new[] { Audience },
            authorization_details = new[] { new { type = "execgov_action", actions = new[] { Action }, locations = new[] { Audience }, resources = new[] { Resource } } },
            lifetime_seconds = 900,
        }, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
        return (issued["credential"]!.GetValue<string>(), issued["credential_id"]!.GetValue<string>());
    }

    /// <summary>
    /// Revokes one credential; returns once the issuer answered 200 (the act is durable, pushed and audited) with
    /// the act's <c>changed_at</c>, the moment the lists changed.
    /// </summary>
    public async Task<DateTimeOffset> RevokeAsync(string credentialId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, "/v1/revocations", _responder,
            new { scope = "credential", target = credentialId, action = "revoke", reason = "propagation benchmark" }, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        return answer["changed_at"]!.GetValue<DateTimeOffset>();
    }

    private async Task<string> TokenAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var tokens = new ClientCredentialsTokenClient(http, new Uri(http.BaseAddress!, "/connect/token"), ClientCredentialsTokenClient.SecretForm(clientId, secret), TimeProvider.System);
        var result = await tokens.RequestAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken ?? throw new InvalidOperationException($"Sign-in as {clientId} failed: {result.Cause} {result.FailedBody}", result.Exception);
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string token, object body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == expected
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }
}
