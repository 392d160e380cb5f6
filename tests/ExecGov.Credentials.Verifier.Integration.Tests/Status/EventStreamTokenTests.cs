using System.Net.Http.Json;
using System.Text.Json;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Integration.Tests.Endpoint;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Status;

/// <summary>
/// With decision shipping configured, the verifier subscribes to the issuer's revocation event stream with the
/// shipper's verifier-role token (so it takes a place the issuer reserves for verifiers), and only that request
/// carries it; without a token it subscribes anonymously and says so once (docs/aspnetcore.md, SECURITY.md).
/// </summary>
public sealed class EventStreamTokenTests : IAsyncLifetime
{
    private const string EventsPath = "/status-lists/events";
    private static readonly TimeSpan Moments = TimeSpan.FromSeconds(10);
    private FakeIssuerHost _issuer = null!;
    private IntegrationData _data = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeIssuerHost.StartAsync();
        _data = new IntegrationData(_issuer);
    }

    public async Task DisposeAsync()
    {
        _data.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task With_decision_shipping_the_event_stream_request_carries_the_verifier_token_and_status_list_fetches_do_not()
    {
        await using var verifier = await VerifierEndpointHost.StartAsync(Settings(shipping: true));
        var credential = _data.Credential(index: 21);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));
        await WaitForStreamAsync(verifier);

        var token = Assert.Single(_issuer.TokensIssued);
        var streams = _issuer.Authorizations(EventsPath);
        Assert.NotEmpty(streams);
        Assert.All(streams, a => Assert.Equal("Bearer " + token, a));
        Assert.NotEmpty(_issuer.Authorizations("/status-lists/1"));
        Assert.All(_issuer.Authorizations("/status-lists/1"), Assert.Null);
        Assert.All(_issuer.Authorizations("/.well-known/jwks.json"), Assert.Null);
        Assert.All(_issuer.Authorizations("/.well-known/execgov-issuer"), Assert.Null);

        // A reconnect reuses the cached token; push still works on the authenticated stream.
        _issuer.DropStreams();
        _issuer.SetStatus(1, StatusValue.Invalid, 21);
        Assert.Equal("revoked", (await verifier.VerifyUntilAsync(() => _data.Body(credential), "revoked", Moments)).GetProperty("reason").GetString());
        Assert.All(_issuer.Authorizations(EventsPath), a => Assert.Equal("Bearer " + token, a));
        Assert.Equal(1, _issuer.TokenRequests);
    }

    [Fact]
    public async Task Without_a_token_the_stream_connects_anonymously_logs_once_and_push_still_works()
    {
        _issuer.TokensEnabled = false;
        var logs = new CapturingLoggerProvider();
        await using var verifier = await VerifierEndpointHost.StartAsync(Settings(shipping: true), logs: logs);
        var credential = _data.Credential(index: 8);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));
        await WaitForStreamAsync(verifier);

        _issuer.DropStreams();
        _issuer.SetStatus(1, StatusValue.Invalid, 8);
        Assert.Equal("revoked", (await verifier.VerifyUntilAsync(() => _data.Body(credential), "revoked", Moments)).GetProperty("reason").GetString());
        await WaitForStreamAsync(verifier);

        Assert.True(_issuer.Authorizations(EventsPath).Count >= 2);
        Assert.All(_issuer.Authorizations(EventsPath), Assert.Null);
        var logged = Assert.Single(logs.WithEvent(3120));
        Assert.Contains("503", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(FakeIssuerHost.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_decision_shipping_the_stream_is_anonymous()
    {
        await using var verifier = await VerifierEndpointHost.StartAsync(Settings(shipping: false));
        Assert.Equal("allowed", await ReasonAsync(verifier, _data.Credential(index: 2)));
        await WaitForStreamAsync(verifier);

        Assert.All(_issuer.Authorizations(EventsPath), Assert.Null);
        Assert.Equal(0, _issuer.TokenRequests);
    }

    private IDictionary<string, string?> Settings(bool shipping)
    {
        var settings = VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri);
        if (shipping)
        {
            settings["DecisionShipping:IssuerUrl"] = _issuer.BaseUrl;
            settings["DecisionShipping:ClientId"] = FakeIssuerHost.ClientId;
            settings["DecisionShipping:ClientSecret"] = FakeIssuerHost.ClientSecret;
            settings["DecisionShipping:InstanceName"] = "verifier-1";
        }

        return settings;
    }

    private async Task<string?> ReasonAsync(VerifierEndpointHost verifier, string credential) =>
        (await verifier.VerifyAsync(_data.Body(credential))).GetProperty("reason").GetString();

    private static async Task WaitForStreamAsync(VerifierEndpointHost verifier)
    {
        var until = DateTime.UtcNow + Moments;
        while (DateTime.UtcNow < until)
        {
            using var response = await verifier.Client.GetAsync("/healthz");
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (health.GetProperty("issuers")[0].GetProperty("status").GetProperty("stream_connected").GetBoolean())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The verifier did not connect to the event stream in time.");
    }
}
