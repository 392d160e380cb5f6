using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using ExecGov.Credentials.Verifier.Integration.Tests.Status;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Endpoint;

/// <summary>
/// <c>POST /v1/verify</c> with inputs a verifier must not guess about (docs/verifier.md): amounts outside the grammar,
/// invalid Unicode, and audiences it is not configured for. Never allowed, never a 500.
/// </summary>
public sealed class VerifierEndpointStrictInputTests : IAsyncLifetime
{
    private const string Placeholder = "123.45";
    private FakeIssuerHost _issuer = null!;
    private IntegrationData _data = null!;
    private VerifierEndpointHost _verifier = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeIssuerHost.StartAsync();
        _data = new IntegrationData(_issuer);
        var settings = VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri);
        settings["Endpoint:AllowedAudiences:0"] = "ledger-api";
        _verifier = await VerifierEndpointHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _verifier.DisposeAsync();
        _data.Dispose();
        await _issuer.DisposeAsync();
    }

    [Theory]
    [InlineData("\"500\\u0000\"")]
    [InlineData("\"500.0000000000000000000000000049\"")]
    [InlineData("500.0000000000000000000000000049")]
    [InlineData("500.0000000000000000001")]
    [InlineData("5E2")]
    [InlineData("5e-1")]
    [InlineData("-1")]
    [InlineData("\" 500\"")]
    public async Task Amount_outside_the_grammar_or_above_the_maximum_is_denied_constraint_violated(string rawAmount)
    {
        var answer = await VerifyRawAsync(rawAmount);
        Assert.Equal("deny", answer.GetProperty("decision").GetString());
        Assert.Equal("constraint_violated", answer.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("500")]
    [InlineData("\"500.000000000000000000\"")]
    [InlineData("499.999999999999999999")]
    public async Task Amount_in_the_grammar_within_the_maximum_is_allowed_in_both_forms(string rawAmount)
    {
        Assert.Equal("allowed", (await VerifyRawAsync(rawAmount)).GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("\"resource\":\"invoice:2026-118\"", "\"resource\":\"invoice:\\ud800\"")]
    [InlineData("\"resource\":\"invoice:2026-118\"", "\"resource\":\"invoice:\\udc00\\ud800\"")]
    [InlineData("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"\\ud800\":\"x\"")]
    [InlineData("\"action\":\"payments.release\"", "\"action\":\"payments.release\",\"\\udfff\":1")]
    [InlineData("\"currency\":\"EUR\"", "\"currency\":\"\\ud83d\"")]
    public async Task Lone_surrogate_escape_anywhere_is_400_problem_json_not_500(string find, string replace)
    {
        var json = BodyJson(_data.Credential(index: 1), Placeholder).Replace(find, replace, StringComparison.Ordinal);
        Assert.Contains("\\u", json, StringComparison.Ordinal);
        await AssertInvalidJsonAsync(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    public async Task Invalid_utf8_anywhere_is_400_problem_json_not_500(byte[] bad)
    {
        var json = BodyJson(_data.Credential(index: 1), Placeholder).Replace("invoice:2026-118", "invoice:@", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var at = bytes.IndexOf((byte)'@');
        bytes.RemoveAt(at);
        bytes.InsertRange(at, bad);
        await AssertInvalidJsonAsync([.. bytes]);
    }

    [Fact]
    public async Task Audience_the_verifier_is_not_configured_for_is_refused_400()
    {
        var body = BodyJson(_data.Credential(index: 1), Placeholder).Replace("\"method\":", "\"audience\":\"billing-api\",\"method\":", StringComparison.Ordinal);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _verifier.Client.PostAsync("/v1/verify", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_field", problem.GetProperty("code").GetString());
        Assert.Equal("audience", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Own_and_allowed_audiences_are_checked_as_named()
    {
        var own = BodyJson(_data.Credential(index: 1), "100").Replace("\"method\":", $"\"audience\":\"{IntegrationData.Audience}\",\"method\":", StringComparison.Ordinal);
        Assert.Equal("allowed", (await PostAsync(own)).GetProperty("reason").GetString());

        // Allowed to be named; the credential is not for it, so the verifier's own check denies it.
        var allowed = BodyJson(_data.Credential(index: 1), "100").Replace("\"method\":", "\"audience\":\"ledger-api\",\"method\":", StringComparison.Ordinal);
        Assert.Equal("audience_mismatch", (await PostAsync(allowed)).GetProperty("reason").GetString());
    }

    private string BodyJson(string credential, string rawAmount) =>
        JsonSerializer.Serialize(_data.Body(credential, amount: 123.45m)).Replace(Placeholder, rawAmount, StringComparison.Ordinal);

    private async Task<JsonElement> VerifyRawAsync(string rawAmount)
    {
        var json = BodyJson(_data.Credential(index: 1), rawAmount);
        Assert.Contains(rawAmount, json, StringComparison.Ordinal);
        return await PostAsync(json);
    }

    private async Task<JsonElement> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _verifier.Client.PostAsync("/v1/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task AssertInvalidJsonAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _verifier.Client.PostAsync("/v1/verify", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_json", problem.GetProperty("code").GetString());
    }
}
