using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Bad input answers problem+json with a stable code and changes nothing.</summary>
public sealed class BadInputTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private IssuerHost Host => fixture.Host;

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "not JSON", "{\"id\": ", "invalid_json" },
        { "unknown member", """{"id":"agent-x","display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"]}],"is_admin":true}""", "invalid_json" },
        { "unknown member deep inside", """{"id":"agent-x","display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"],"scopes":["*"]}]}""", "invalid_json" },
        { "duplicate member", """{"id":"agent-x","id":"agent-y","display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"]}]}""", "invalid_json" },
        { "missing required member", """{"id":"agent-x","display_name":"X"}""", "invalid_json" },
        { "null where a string is required", """{"id":null,"display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"]}]}""", "invalid_json" },
        { "private key sent", """{"id":"agent-x","display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"]}]}""", "invalid_agent_key" },
        { "not an Ed25519 key", """{"id":"agent-x","display_name":"X","owner":"O","public_key":{"kty":"EC","crv":"P-256","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"]}]}""", "invalid_agent_key" },
        { "bad id", """{"id":"../etc/passwd","display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[{"actions":["a.b"]}]}""", "invalid_request" },
        { "empty ceiling", """{"id":"agent-x","display_name":"X","owner":"O","public_key":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},"allowed_audiences":["payments-api"],"ceiling":[]}""", "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_agent_registration_is_refused_and_changes_nothing(string why, string body, string code)
    {
        var before = await SnapshotAsync();
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/agents", fixture.AdminToken, body);
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.Detail), why);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Oversize_body_is_refused_with_413_and_changes_nothing()
    {
        var before = await SnapshotAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/agents")
        {
            Content = new StringContent("{\"id\":\"" + new string('a', 200_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminToken);

        // As a well-behaved client uploads a large body: the server refuses on the headers, so the client never
        // writes into a connection the server is closing (which, under load, surfaced as a SocketException).
        request.Headers.ExpectContinue = true;
        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await Problems.ReadAsync(response)).Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Body_beyond_the_server_limit_is_refused_with_413_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/decisions")
        {
            Content = new StringContent("[" + new string(' ', 2 * 1024 * 1024) + "]", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.VerifierToken);
        request.Headers.ExpectContinue = true;
        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await Problems.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_refused_with_415()
    {
        var before = await SnapshotAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/agents") { Content = new StringContent("id=agent-x", Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminToken);
        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (await Problems.ReadAsync(response)).Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    public static TheoryData<string, string, string> WrongRoles => new()
    {
        { "auditor registers an agent", "POST /v1/agents", "auditor" },
        { "approver issues a credential", "POST /v1/credentials", "approver" },
        { "responder creates an admin client", "POST /v1/admin-clients", "responder" },
        { "admin reads the audit chain", "GET /v1/audit/verify", "verifier" },
        { "auditor rotates keys", "POST /v1/keys/rotate", "auditor" },
        { "admin records decisions", "POST /v1/decisions", "approver" },
        { "verifier lists agents", "GET /v1/agents", "verifier" },
        { "verifier lists approvals", "GET /v1/approvals", "verifier" },
        { "verifier lists admin clients", "GET /v1/admin-clients", "verifier" },
        { "verifier disables an admin client", "POST /v1/admin-clients/bootstrap-admin/disable", "verifier" },
        { "approver issues through the agent registry", "POST /v1/agents", "approver" },
    };

    [Theory]
    [MemberData(nameof(WrongRoles))]
    public async Task Caller_without_the_role_gets_403_problem_and_nothing_changes(string why, string route, string role)
    {
        var token = role switch
        {
            "auditor" => fixture.AuditorToken,
            "approver" => fixture.ApproverToken,
            "responder" => fixture.ResponderToken,
            _ => fixture.VerifierToken,
        };
        var parts = route.Split(' ');
        var before = await SnapshotAsync();
        var keysBefore = await Host.SendJsonAsync(HttpMethod.Get, "/v1/keys", fixture.AuditorToken, null, HttpStatusCode.OK);
        using var response = await Host.SendAsync(new HttpMethod(parts[0]), parts[1], token, parts[0] == "POST" ? "{}" : null);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, why);
        Assert.Equal("forbidden", (await Problems.ReadAsync(response)).Code);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(keysBefore.ToJsonString(), (await Host.SendJsonAsync(HttpMethod.Get, "/v1/keys", fixture.AuditorToken, null, HttpStatusCode.OK)).ToJsonString());
    }

    [Fact]
    public async Task Missing_or_forged_admin_token_gets_401_problem_with_a_bearer_challenge()
    {
        using var none = await Host.SendAsync(HttpMethod.Get, "/v1/agents", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("unauthorized", (await Problems.ReadAsync(none)).Code);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());

        var parts = fixture.AdminToken.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        using var bad = await Host.SendAsync(HttpMethod.Get, "/v1/agents", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("unauthorized", (await Problems.ReadAsync(bad)).Code);
    }

    [Fact]
    public async Task An_agent_credential_is_not_an_admin_token()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await Host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", fixture.AdminToken,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, HttpStatusCode.Created);
        using var response = await Host.SendAsync(HttpMethod.Get, "/v1/agents", issued["credential"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_answer_problem_json()
    {
        using var missing = await Host.SendAsync(HttpMethod.Get, "/v1/nothing-here", fixture.AdminToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", (await Problems.ReadAsync(missing)).Code);

        using var method = await Host.SendAsync(HttpMethod.Delete, "/v1/agents", fixture.AdminToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("method_not_allowed", (await Problems.ReadAsync(method)).Code);

        using var agent = await Host.SendAsync(HttpMethod.Get, "/v1/agents/no-such-agent", fixture.AdminToken);
        Assert.Equal("agent_not_found", (await Problems.ReadAsync(agent)).Code);
    }

    [Fact]
    public async Task Bad_query_parameters_are_refused()
    {
        using var status = await Host.SendAsync(HttpMethod.Get, "/v1/approvals?status=everything", fixture.ApproverToken);
        Assert.Equal("invalid_request", (await Problems.ReadAsync(status)).Code);
        using var agent = await Host.SendAsync(HttpMethod.Get, "/v1/credentials?agent_id=%20bad%20", fixture.AdminToken);
        Assert.Equal("invalid_request", (await Problems.ReadAsync(agent)).Code);
    }

    [Fact]
    public async Task Decision_batch_with_one_bad_record_is_refused_whole()
    {
        var before = await SnapshotAsync();
        var batch = new
        {
            records = new object[]
            {
                new { decision_id = "dec-ok-1", decided_at = DateTimeOffset.UtcNow, decision = "allow", reason = "allowed", agent = "agent-a" },
                new { decision_id = "dec-bad-2", decided_at = DateTimeOffset.UtcNow, decision = "maybe", reason = "allowed" },
            },
        };
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/decisions", fixture.VerifierToken, batch);
        var problem = await Problems.ReadAsync(response);
        Assert.Equal("invalid_request", problem.Code);
        Assert.Contains("records[1]", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<(int Agents, long AuditRecords)> SnapshotAsync()
    {
        var agents = await Host.SendJsonAsync(HttpMethod.Get, "/v1/agents", fixture.AdminToken, null, HttpStatusCode.OK);
        var audit = await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", fixture.AuditorToken, null, HttpStatusCode.OK);
        return (agents.AsArray().Count, audit["record_count"]!.GetValue<long>());
    }
}
