using ExecGov.Credentials.Verifier.Integration.Tests.Endpoint;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using System.Net.Http.Json;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Integration.Tests.Status;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Status;

/// <summary>
/// Revocation reaching a real verifier endpoint from a real (fake) issuer over loopback HTTP: push, resume after a
/// disconnect, poll fallback, and fail-closed staleness when the issuer is gone (docs/revocation.md §3–4).
/// </summary>
public sealed class RevocationPropagationTests : IAsyncLifetime
{
    private static readonly TimeSpan Moments = TimeSpan.FromSeconds(5);
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
    public async Task Revocation_pushed_on_the_stream_denies_within_moments()
    {
        await using var verifier = await StartVerifierAsync();
        var credential = _data.Credential(index: 17);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));
        await WaitForStreamAsync(verifier);

        _issuer.SetStatus(1, StatusValue.Invalid, 17);
        var answer = await verifier.VerifyUntilAsync(() => _data.Body(credential), "revoked", Moments);

        Assert.Equal("deny", answer.GetProperty("decision").GetString());
        Assert.Equal("revoked", answer.GetProperty("reason").GetString());
        Assert.Equal(_data.AgentId, answer.GetProperty("agent").GetString());

        // Push, not polling: the list itself was fetched once.
        Assert.Equal(1, _issuer.Requests("/status-lists/1"));
    }

    [Fact]
    public async Task Suspension_and_unsuspension_are_pushed()
    {
        await using var verifier = await StartVerifierAsync();
        var credential = _data.Credential(index: 3);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));
        await WaitForStreamAsync(verifier);

        _issuer.SetStatus(1, StatusValue.Suspended, 3);
        Assert.Equal("suspended", (await verifier.VerifyUntilAsync(() => _data.Body(credential), "suspended", Moments)).GetProperty("reason").GetString());

        _issuer.SetStatus(1, StatusValue.Valid, 3);
        Assert.Equal("allowed", (await verifier.VerifyUntilAsync(() => _data.Body(credential), "allowed", Moments)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reconnect_resumes_from_last_event_id_without_missing_events()
    {
        await using var verifier = await StartVerifierAsync();
        var first = _data.Credential(index: 1);
        var second = _data.Credential(index: 2);
        Assert.Equal("allowed", await ReasonAsync(verifier, second));
        await WaitForStreamAsync(verifier);
        var applied = _issuer.SetStatus(1, StatusValue.Invalid, 1);
        await verifier.VerifyUntilAsync(() => _data.Body(first), "revoked", Moments);

        // The stream goes down; a revocation happens while the verifier cannot hear it.
        _issuer.StreamsEnabled = false;
        _issuer.DropStreams();
        _issuer.SetStatus(1, StatusValue.Invalid, 2);
        _issuer.StreamsEnabled = true;

        Assert.Equal("revoked", (await verifier.VerifyUntilAsync(() => _data.Body(second), "revoked", Moments)).GetProperty("reason").GetString());
        Assert.Contains(applied.ToString(System.Globalization.CultureInfo.InvariantCulture), _issuer.LastEventIdsSeen);

        // Replayed, not refetched.
        Assert.Equal(1, _issuer.Requests("/status-lists/1"));
    }

    [Fact]
    public async Task Reconnect_after_the_issuer_pruned_its_events_is_reset_and_refetches()
    {
        await using var verifier = await StartVerifierAsync();
        var credential = _data.Credential(index: 5);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));
        await WaitForStreamAsync(verifier);
        _issuer.SetStatus(1, StatusValue.Suspended, 6);

        _issuer.StreamsEnabled = false;
        _issuer.DropStreams();
        _issuer.SetStatus(1, StatusValue.Invalid, 5);
        _issuer.PruneEvents();
        _issuer.StreamsEnabled = true;

        Assert.Equal("revoked", (await verifier.VerifyUntilAsync(() => _data.Body(credential), "revoked", Moments)).GetProperty("reason").GetString());
        Assert.True(_issuer.Requests("/status-lists/1") >= 2);
    }

    [Fact]
    public async Task Without_the_stream_polling_picks_up_a_revocation_within_ttl()
    {
        _issuer.StreamsEnabled = false;
        _issuer.TimeToLiveSeconds = 2;
        await using var verifier = await StartVerifierAsync();
        var credential = _data.Credential(index: 9);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));

        _issuer.SetStatus(1, StatusValue.Invalid, 9);
        var answer = await verifier.VerifyUntilAsync(() => _data.Body(credential), "revoked", TimeSpan.FromSeconds(_issuer.TimeToLiveSeconds) + Moments);
        Assert.Equal("revoked", answer.GetProperty("reason").GetString());
        Assert.True(_issuer.Requests("/status-lists/1") >= 2);
    }

    [Fact]
    public async Task Issuer_gone_is_status_unavailable_after_max_staleness_and_not_ready()
    {
        var settings = VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri);
        settings["StatusLists:MaxStatusAge"] = "00:00:02";
        await using var verifier = await VerifierEndpointHost.StartAsync(settings);
        var credential = _data.Credential(index: 11);
        Assert.Equal("allowed", await ReasonAsync(verifier, credential));
        await WaitForStreamAsync(verifier);

        await _issuer.StopAsync();
        var answer = await verifier.VerifyUntilAsync(() => _data.Body(credential), "status_unavailable", TimeSpan.FromSeconds(2) + Moments);
        Assert.Equal("deny", answer.GetProperty("decision").GetString());
        Assert.Equal("status_unavailable", answer.GetProperty("reason").GetString());

        using var health = await verifier.Client.GetAsync("/healthz");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task Credential_naming_a_status_list_outside_the_issuers_base_is_denied_without_fetching_it()
    {
        await using var verifier = await StartVerifierAsync();
        var credential = _data.Credential(index: 0, statusUri: "http://127.0.0.1:9/status-lists/1");
        Assert.Equal("status_unavailable", await ReasonAsync(verifier, credential));
    }

    private async Task<VerifierEndpointHost> StartVerifierAsync() =>
        await VerifierEndpointHost.StartAsync(VerifierEndpointHost.Settings(_issuer.Issuer, _issuer.MetadataUri));

    private async Task<string?> ReasonAsync(VerifierEndpointHost verifier, string credential) =>
        (await verifier.VerifyAsync(_data.Body(credential))).GetProperty("reason").GetString();

    private static async Task WaitForStreamAsync(VerifierEndpointHost verifier)
    {
        var until = DateTime.UtcNow + Moments;
        while (DateTime.UtcNow < until)
        {
            using var response = await verifier.Client.GetAsync("/healthz");
            var health = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            if (health.GetProperty("issuers")[0].GetProperty("status").GetProperty("stream_connected").GetBoolean())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The verifier did not connect to the event stream in time.");
    }
}
