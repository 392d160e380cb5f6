using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Revocation.Tests.Hosting;

public sealed class AdminEndpointTests : IAsyncLifetime
{
    private RevocationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RevocationTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_revocation_applies_the_act_and_answers_the_counts()
    {
        var registration = _host.Data.Next(agent: "agent-ops");
        var reference = await _host.Allocator.AllocateAsync(registration, CancellationToken.None);

        using var response = await PostAsync("""{"scope":"agent","target":"agent-ops","action":"suspend","reason":"investigating INC-7"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("act_id").GetInt64());
        Assert.Equal(1, body.RootElement.GetProperty("covered").GetInt32());
        Assert.Equal(1, body.RootElement.GetProperty("changed").GetInt32());
        Assert.Equal(2, body.RootElement.GetProperty("last_event_id").GetInt64());
        Assert.Equal(_host.Time.GetUtcNow(), body.RootElement.GetProperty("changed_at").GetDateTimeOffset());
        Assert.Equal(StatusValue.Suspended, DecodedToken.Verify(_host.Registry.Publisher.Get(1)!.Token!, _host.Keys.Find).List.Get(reference.Index));
        var act = _host.Registry.FindAct(1)!;
        Assert.Equal(("responder-1", "investigating INC-7"), (act.Responder, act.Reason));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"scope":"galaxy","target":"agent-ops","action":"revoke","reason":"x"}""", "unknown_scope" },
        { """{"scope":"agent","target":"agent-ops","action":"obliterate","reason":"x"}""", "unknown_action" },
        { """{"scope":"agent","target":"","action":"revoke","reason":"x"}""", "empty_target" },
        { """{"scope":"agent","target":"agent-ops","action":"revoke"}""", "missing_reason" },
        { """{"scope":"agent","target":"agent-ops","action":"revoke","reason":"x","force":true}""", "invalid_json" },
        { """{"scope":"agent","scope":"session","target":"agent-ops","action":"revoke","reason":"x"}""", "invalid_json" },
        { """[1,2]""", "invalid_json" },
        { """{"scope":""", "invalid_json" },
        { "null", "invalid_json" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_request_answers_400_problem_and_changes_nothing(string json, string code)
    {
        await _host.Allocator.AllocateAsync(_host.Data.Next(agent: "agent-ops"), CancellationToken.None);
        var before = _host.Registry.Events.LastId;

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(before, _host.Registry.Events.LastId);
        Assert.Null(_host.Registry.FindAct(1));
    }

    [Fact]
    public async Task Unknown_credential_answers_404_problem_and_changes_nothing()
    {
        using var response = await PostAsync("""{"scope":"credential","target":"cred_nope","action":"revoke","reason":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("credential_not_found", problem.RootElement.GetProperty("code").GetString());
        Assert.Null(_host.Registry.FindAct(1));
    }

    [Theory]
    [InlineData("agent", "agent-typo", 404)]
    [InlineData("signing_key", "kid-typo", 404)]
    [InlineData("agent", "agent-known", 200)]
    [InlineData("session", "sess-not-yet-issued", 200)]
    public async Task Host_check_refuses_acts_on_targets_it_does_not_know_and_nothing_changes(string scope, string target, int status)
    {
        await using var host = await RevocationTestHost.StartAsync(services: s => s.AddSingleton(new HostActPart(KnownTargets("agent-known"), (_, _, _) => { })));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/revocations")
        {
            Content = new StringContent($$"""{"scope":"{{scope}}","target":"{{target}}","action":"revoke","reason":"x"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Test", "responder-1 responder");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 404)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("target_not_found", problem.RootElement.GetProperty("code").GetString());
            Assert.Equal("urn:execgov:error:target_not_found", problem.RootElement.GetProperty("type").GetString());
            Assert.Null(host.Registry.FindAct(1));
        }
    }

    [Fact]
    public async Task Anonymous_caller_is_refused_by_the_hosts_policy()
    {
        using var content = new StringContent("""{"scope":"agent","target":"a","action":"revoke","reason":"x"}""", Encoding.UTF8, "application/json");

        using var response = await _host.Client.PostAsync("/v1/revocations", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Caller_without_the_responder_role_is_forbidden()
    {
        using var response = await PostAsync("""{"scope":"agent","target":"a","action":"revoke","reason":"x"}""", role: "auditor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_host.Registry.FindAct(1));
    }

    [Fact]
    public async Task Body_that_is_not_json_answers_415()
    {
        using var content = new StringContent("scope=agent", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/revocations") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Test", "responder-1 responder");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_answers_413_payload_too_large()
    {
        using var response = await PostAsync("{\"reason\":\"" + new string('x', 10_000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("payload_too_large", problem.RootElement.GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string role = "responder")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/revocations")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Test", "responder-1 " + role);
        return await _host.Client.SendAsync(request);
    }

    private static Func<RevocationScope, string, bool> KnownTargets(string agent) =>
        (scope, target) => scope != RevocationScope.Agent && scope != RevocationScope.SigningKey || target == agent;
}
