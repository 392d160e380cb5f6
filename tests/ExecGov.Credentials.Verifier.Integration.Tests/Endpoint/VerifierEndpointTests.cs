using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Verifier.Integration.Tests.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Endpoint;

/// <summary>The verifier endpoint's HTTP contract (docs/verifier.md), on a real host against a real (fake) issuer.</summary>
public sealed class VerifierEndpointTests : IAsyncLifetime
{
    private FakeIssuerHost _issuer = null!;
    private IntegrationData _data = null!;
    private VerifierEndpointHost _verifier = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeIssuerHost.StartAsync();
        _data = new IntegrationData(_issuer);
        _verifier = await VerifierEndpointHost.StartAsync(VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri));
    }

    public async Task DisposeAsync()
    {
        await _verifier.DisposeAsync();
        _data.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Allow_answers_200_with_who_acted_and_who_authorised_it()
    {
        var credential = _data.Credential(index: 1);
        using var response = await _verifier.Client.PostAsJsonAsync("/v1/verify", _data.Body(credential));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("allow", answer.GetProperty("decision").GetString());
        Assert.Equal("allowed", answer.GetProperty("reason").GetString());
        Assert.Equal(_data.AgentId, answer.GetProperty("agent").GetString());
        Assert.Equal(_data.Authoriser, answer.GetProperty("authoriser").GetString());
        Assert.Equal(32, answer.GetProperty("credential_id").GetString()!.Length);
        Assert.StartsWith("ses-", answer.GetProperty("session_id").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("expires_at").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("decision_id").GetString()));
    }

    [Fact]
    public async Task Deny_is_an_answer_not_an_error()
    {
        var credential = _data.Credential(index: 1);
        var overLimit = await _verifier.VerifyAsync(_data.Body(credential, amount: 900m));
        Assert.Equal("deny", overLimit.GetProperty("decision").GetString());
        Assert.Equal("constraint_violated", overLimit.GetProperty("reason").GetString());

        // The same proof twice: the second is a replay.
        var body = _data.Body(credential);
        Assert.Equal("allowed", (await _verifier.VerifyAsync(body)).GetProperty("reason").GetString());
        Assert.Equal("proof_replayed", (await _verifier.VerifyAsync(body)).GetProperty("reason").GetString());

        var forged = await _verifier.VerifyAsync(new Dictionary<string, object?> { ["credential"] = "a.b.c", ["method"] = "POST", ["url"] = IntegrationData.Target.AbsoluteUri, ["action"] = "payments.release" });
        Assert.Equal("malformed", forged.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, forged.GetProperty("agent").ValueKind);
    }

    [Theory]
    [InlineData("{\"credential\":", "invalid_json", null)]
    [InlineData("[1,2]", "invalid_json", null)]
    [InlineData("{\"credential\":\"a.b.c\",\"credential\":\"x.y.z\",\"method\":\"POST\",\"url\":\"https://a.example/\",\"action\":\"x\"}", "invalid_json", null)]
    [InlineData("{\"method\":\"POST\",\"url\":\"https://a.example/\",\"action\":\"x\"}", "missing_field", "credential")]
    [InlineData("{\"credential\":\"a.b.c\",\"url\":\"https://a.example/\",\"action\":\"x\"}", "missing_field", "method")]
    [InlineData("{\"credential\":\"a.b.c\",\"method\":\"POST\",\"action\":\"x\"}", "missing_field", "url")]
    [InlineData("{\"credential\":\"a.b.c\",\"method\":\"POST\",\"url\":\"https://a.example/\"}", "missing_field", "action")]
    [InlineData("{\"credential\":\"a.b.c\",\"method\":\"POST\",\"url\":\"https://a.example/\",\"action\":\"x\",\"admin\":true}", "unknown_field", "admin")]
    [InlineData("{\"credential\":\"a.b.c\",\"method\":\"POST\",\"url\":\"ftp://a.example/\",\"action\":\"x\"}", "invalid_field", "url")]
    [InlineData("{\"credential\":7,\"method\":\"POST\",\"url\":\"https://a.example/\",\"action\":\"x\"}", "invalid_field", "credential")]
    [InlineData("{\"credential\":\"a.b.c\",\"method\":\"POST\",\"url\":\"https://a.example/\",\"action\":\"x\",\"context\":{\"amount\":[1]}}", "invalid_field", "context")]
    public async Task Unreadable_body_is_400_problem_json_with_a_stable_code(string body, string code, string? field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _verifier.Client.PostAsync("/v1/verify", content);
        await AssertProblem(response, HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task Oversize_body_is_413_problem_json()
    {
        var body = JsonSerializer.Serialize(new { credential = new string('a', 20_000), method = "POST", url = "https://a.example/", action = "x" });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _verifier.Client.PostAsync("/v1/verify", content);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large", null);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_415_problem_json()
    {
        using var content = new StringContent("credential=a.b.c", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _verifier.Client.PostAsync("/v1/verify", content);
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", null);
    }

    [Fact]
    public async Task Wrong_method_and_unknown_route_are_problem_json()
    {
        using var get = await _verifier.Client.GetAsync("/v1/verify");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType!.MediaType);

        using var missing = await _verifier.Client.GetAsync("/v2/anything");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Healthz_is_ready_with_fresh_status_per_issuer()
    {
        await _verifier.VerifyAsync(_data.Body(_data.Credential(index: 1)));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        HttpStatusCode status;
        JsonElement health;
        do
        {
            using var response = await _verifier.Client.GetAsync("/healthz");
            status = response.StatusCode;
            health = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (status == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < until);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.Equal("status_list", health.GetProperty("status_source").GetString());
        var issuer = health.GetProperty("issuers")[0];
        Assert.Equal(_issuer.Issuer, issuer.GetProperty("issuer").GetString());
        Assert.Equal(1, issuer.GetProperty("keys").GetProperty("count").GetInt32());
        Assert.Equal(1, issuer.GetProperty("status").GetProperty("lists").GetInt32());
        Assert.Equal(0, issuer.GetProperty("status").GetProperty("stale_lists").GetInt32());
    }

    [Fact]
    public async Task In_memory_status_source_is_refused_outside_development()
    {
        var settings = VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri);
        settings["Endpoint:StatusSource"] = "InMemory";
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => VerifierEndpointHost.StartAsync(settings));
        Assert.Contains("InMemory", failure.Message, StringComparison.Ordinal);

        await using var development = await VerifierEndpointHost.StartAsync(settings, environment: "Development");
        using var health = await development.Client.GetAsync("/healthz");
        Assert.Contains("in_memory", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_without_status_endpoints_fails_start_up_with_the_fix_in_the_message()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Verifier:Audience"] = IntegrationData.Audience,
            ["Verifier:Issuers:0:Issuer"] = _issuer.Issuer,
            ["Verifier:Issuers:0:JwksUri"] = _issuer.BaseUrl + "/.well-known/jwks.json",
        };
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => VerifierEndpointHost.StartAsync(settings));
        Assert.Contains("StatusListBase", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_status_source_mode_fails_start_up()
    {
        var settings = VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri);
        settings["Endpoint:StatusSource"] = "None";
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => VerifierEndpointHost.StartAsync(settings));
        Assert.Contains("StatusList", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicitly_configured_endpoints_work_without_metadata()
    {
        // An issuer of its own, so no other verifier reads its metadata meanwhile.
        await using var issuer = await FakeIssuerHost.StartAsync();
        using var data = new IntegrationData(issuer);
        var settings = new Dictionary<string, string?>
        {
            ["Verifier:Audience"] = IntegrationData.Audience,
            ["Verifier:Issuers:0:Issuer"] = issuer.Issuer,
            ["Verifier:Issuers:0:JwksUri"] = issuer.BaseUrl + "/.well-known/jwks.json",
            ["Verifier:Issuers:0:StatusListBase"] = issuer.BaseUrl + "/status-lists",
            ["Verifier:Issuers:0:StatusEventsUri"] = issuer.BaseUrl + "/status-lists/events",
        };
        await using var verifier = await VerifierEndpointHost.StartAsync(settings);
        Assert.Equal("allowed", (await verifier.VerifyAsync(data.Body(data.Credential(index: 4)))).GetProperty("reason").GetString());
        Assert.Equal(0, issuer.Requests("/.well-known/execgov-issuer"));
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("urn:execgov:error:" + code, problem.GetProperty("type").GetString());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }
}
