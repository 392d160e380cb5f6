using System.Text.Json;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Status;
using ExecGov.Credentials.Verifier.Tests.Status;

namespace ExecGov.Credentials.Verifier.Tests.Metadata;

/// <summary>Learning an issuer's keys and status endpoints from its metadata document.</summary>
public sealed class IssuerMetadataTests
{
    private const string MetadataUri = "https://issuer.execgov.test/.well-known/execgov-issuer";

    [Fact]
    public async Task Keys_and_status_endpoints_are_learnt_from_the_metadata_document()
    {
        using var h = Harness();
        h.Server.Metadata = Document(StatusHarness.IssuerId);
        h.Publish(1, StatusHarness.List((2, StatusValue.Invalid)), version: 1);

        Assert.NotNull(await h.Keys.GetKeyAsync(StatusHarness.IssuerId, h.IssuerKey.KeyId, default));
        Assert.Equal(CredentialStatus.Revoked, await h.StatusAsync(2));
        Assert.Equal(StatusHarness.EventsUri, h.State.Endpoints!.Events!.AbsoluteUri);

        // One document read serves both the key source and the status source.
        Assert.Equal(1, h.Server.Requests(MetadataUri));
    }

    [Theory]
    [InlineData("issuer_mismatch")]
    [InlineData("http_status_base")]
    [InlineData("no_status_base")]
    [InlineData("not_json")]
    [InlineData("absent")]
    public async Task Unusable_metadata_leaves_the_issuer_unresolved_and_its_credentials_unavailable(string problem)
    {
        using var h = Harness();
        h.Server.Metadata = problem switch
        {
            "issuer_mismatch" => Document("https://evil.example"),
            "http_status_base" => Document(StatusHarness.IssuerId).Replace("https://issuer.execgov.test/status-lists\"", "http://issuer.execgov.test/status-lists\"", StringComparison.Ordinal),
            "no_status_base" => $$"""{"issuer":"{{StatusHarness.IssuerId}}","jwks_uri":"https://issuer.execgov.test/.well-known/jwks.json"}""",
            "not_json" => "<html>",
            "absent" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        h.Publish(1, StatusHarness.List(), version: 1);

        Assert.Equal(CredentialStatus.Unavailable, await h.StatusAsync(0));
        Assert.Equal(0, h.Server.Requests(StatusHarness.ListUri(1)));
        Assert.False(Assert.Single(h.Source.GetHealth()).IsReady);
    }

    [Fact]
    public async Task Explicit_settings_win_over_the_metadata_document()
    {
        using var h = new StatusHarness(issuer: i =>
        {
            i.MetadataUri = new Uri(MetadataUri);
            i.StatusListBase = new Uri("https://issuer.execgov.test/status-lists");
        });
        h.Server.Metadata = Document(StatusHarness.IssuerId).Replace("https://issuer.execgov.test/status-lists\"", "https://cdn.execgov.test/lists\"", StringComparison.Ordinal);
        h.Publish(1, StatusHarness.List(), version: 1);
        Assert.Equal(CredentialStatus.Valid, await h.StatusAsync(0));
    }

    [Fact]
    public async Task A_failed_read_is_retried_only_after_the_retry_interval()
    {
        using var h = Harness();
        Assert.Equal(CredentialStatus.Unavailable, await h.StatusAsync(0));
        Assert.Equal(CredentialStatus.Unavailable, await h.StatusAsync(0));
        Assert.Equal(1, h.Server.Requests(MetadataUri));

        h.Server.Metadata = Document(StatusHarness.IssuerId);
        h.Publish(1, StatusHarness.List(), version: 1);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CredentialStatus.Valid, await h.StatusAsync(0));
    }

    private static StatusHarness Harness()
    {
        var h = new StatusHarness(issuer: i =>
        {
            i.Jwks = null;
            i.StatusListBase = null;
            i.StatusEventsUri = null;
            i.MetadataUri = new Uri(MetadataUri);
        });
        h.Server.Jwks = JsonSerializer.Serialize(new { keys = new[] { TestIssuer.Jwk(h.IssuerKey) } });
        return h;
    }

    private static string Document(string issuer) => $$"""
        {"issuer":"{{issuer}}","jwks_uri":"https://issuer.execgov.test/.well-known/jwks.json",
         "status_list_base":"https://issuer.execgov.test/status-lists","status_events_uri":"https://issuer.execgov.test/status-lists/events",
         "token_endpoint":"https://issuer.execgov.test/connect/token"}
        """;
}
