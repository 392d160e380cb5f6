using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>Which status list URIs from a credential may be fetched (no SSRF from a token).</summary>
public sealed class StatusListUriPrefixTests
{
    [Theory]
    [InlineData("https://issuer.example/status-lists", "https://issuer.example/status-lists/1")]
    [InlineData("https://issuer.example/status-lists/", "https://issuer.example/status-lists/131072")]
    [InlineData("http://127.0.0.1:5080/status-lists", "http://127.0.0.1:5080/status-lists/7")]
    public void Base_followed_by_a_decimal_list_id_is_fetchable(string statusBase, string uri) =>
        Assert.True(new StatusListUriPrefix(new Uri(statusBase)).Contains(uri));

    [Theory]
    [InlineData("https://evil.example/status-lists/1")]
    [InlineData("https://issuer.example.evil.example/status-lists/1")]
    [InlineData("http://issuer.example/status-lists/1")]
    [InlineData("https://issuer.example:8443/status-lists/1")]
    [InlineData("https://issuer.example/status-lists")]
    [InlineData("https://issuer.example/status-lists/")]
    [InlineData("https://issuer.example/status-lists/events")]
    [InlineData("https://issuer.example/status-lists/01")]
    [InlineData("https://issuer.example/status-lists/0")]
    [InlineData("https://issuer.example/status-lists/1?x=1")]
    [InlineData("https://issuer.example/status-lists/1#f")]
    [InlineData("https://issuer.example/status-lists/1/../../admin")]
    [InlineData("https://issuer.example/status-lists/%31")]
    [InlineData("https://issuer.example/status-lists/1/2")]
    [InlineData("https://ISSUER.example/status-lists/1")]
    [InlineData("https://user@issuer.example/status-lists/1")]
    [InlineData("https://issuer.example/status-lists/1234567890123456789")]
    [InlineData("https://issuer.example/status-lists-2/1")]
    public void Any_other_uri_is_not(string uri) =>
        Assert.False(new StatusListUriPrefix(new Uri("https://issuer.example/status-lists")).Contains(uri));

    [Fact]
    public async Task Credential_naming_a_list_outside_the_base_is_unavailable_and_nothing_is_fetched()
    {
        using var h = new StatusHarness();
        var status = await h.StatusAsync(0, "https://169.254.169.254/latest/meta-data/1");
        Assert.Equal(CredentialStatus.Unavailable, status);
        Assert.Equal(0, h.Server.TotalRequests);
        Assert.Empty(h.State.Lists);
    }
}
