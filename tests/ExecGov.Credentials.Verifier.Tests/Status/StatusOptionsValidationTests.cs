using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>Start-up validation of where and how status is fetched.</summary>
public sealed class StatusOptionsValidationTests
{
    [Fact]
    public void Defaults_are_valid() =>
        Assert.True(new StatusListOptionsValidator().Validate(null, new StatusListOptions()).Succeeded);

    [Theory]
    [InlineData("MaxStatusAge")]
    [InlineData("FirstFetchTimeout")]
    [InlineData("FetchTimeout")]
    [InlineData("MaxListsPerIssuer")]
    [InlineData("MaxListBytes")]
    [InlineData("StreamReconnectMaximumDelay")]
    public void Out_of_range_values_are_refused_with_the_name_to_fix(string option)
    {
        var options = new StatusListOptions();
        switch (option)
        {
            case "MaxStatusAge": options.MaxStatusAge = TimeSpan.Zero; break;
            case "FirstFetchTimeout": options.FirstFetchTimeout = TimeSpan.FromMinutes(1); break;
            case "FetchTimeout": options.FetchTimeout = TimeSpan.FromMilliseconds(500); break;
            case "MaxListsPerIssuer": options.MaxListsPerIssuer = 0; break;
            case "MaxListBytes": options.MaxListBytes = 0; break;
            case "StreamReconnectMaximumDelay": options.StreamReconnectMaximumDelay = TimeSpan.FromMilliseconds(100); break;
        }

        var result = new StatusListOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(option, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Issuer_without_a_status_list_base_is_refused_when_status_is_required()
    {
        var options = Verifier(new TrustedIssuerOptions { Issuer = "https://issuer.example", JwksUri = new Uri("https://issuer.example/jwks") });
        var result = new StatusEndpointsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("StatusListBase", result.FailureMessage, StringComparison.Ordinal);

        options.RequireStatus = false;
        Assert.True(new StatusEndpointsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("http://issuer.example/status-lists", null)]
    [InlineData("https://issuer.example/status-lists?x=1", null)]
    [InlineData("https://issuer.example/status-lists", "http://issuer.example/status-lists/events")]
    [InlineData("https://issuer.example/status-lists", "https://issuer.example/status-lists/events#frag")]
    public void Status_uris_must_be_https_or_loopback_without_query_or_fragment(string statusBase, string? events)
    {
        var options = Verifier(new TrustedIssuerOptions
        {
            Issuer = "https://issuer.example",
            JwksUri = new Uri("https://issuer.example/jwks"),
            StatusListBase = new Uri(statusBase),
            StatusEventsUri = events is null ? null : new Uri(events),
        });
        Assert.True(new StatusEndpointsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Loopback_http_and_metadata_only_issuers_are_accepted()
    {
        var options = Verifier(
            new TrustedIssuerOptions { Issuer = "http://127.0.0.1:5080", JwksUri = new Uri("http://127.0.0.1:5080/jwks"), StatusListBase = new Uri("http://127.0.0.1:5080/status-lists"), StatusEventsUri = new Uri("http://127.0.0.1:5080/status-lists/events") },
            new TrustedIssuerOptions { Issuer = "https://issuer.example", MetadataUri = new Uri("https://issuer.example/.well-known/execgov-issuer") });
        Assert.True(new StatusEndpointsValidator().Validate(null, options).Succeeded);
        Assert.True(new CredentialVerifierOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Events_without_a_status_list_base_are_refused()
    {
        var options = Verifier(new TrustedIssuerOptions { Issuer = "https://issuer.example", JwksUri = new Uri("https://issuer.example/jwks"), StatusEventsUri = new Uri("https://issuer.example/status-lists/events") });
        options.RequireStatus = false;
        Assert.True(new StatusEndpointsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Metadata_uri_must_be_https_or_loopback()
    {
        var options = Verifier(new TrustedIssuerOptions { Issuer = "https://issuer.example", MetadataUri = new Uri("http://issuer.example/.well-known/execgov-issuer") });
        var result = new CredentialVerifierOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("MetadataUri", result.FailureMessage, StringComparison.Ordinal);
    }

    private static CredentialVerifierOptions Verifier(params TrustedIssuerOptions[] issuers)
    {
        var options = new CredentialVerifierOptions { Audience = "payments-api" };
        foreach (var issuer in issuers)
        {
            options.Issuers.Add(issuer);
        }

        return options;
    }
}
