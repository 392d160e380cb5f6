using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Verifier.Integration.Tests.Status;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Keys;

/// <summary>
/// The verifier's metadata and JWKS client as registered by <c>AddCredentialVerifier</c>: it follows no redirect (a 3xx
/// is a failed fetch, so keys never come from another origin) and reads bodies only up to their limit. Real Kestrel
/// hosts on loopback: the fake issuer, and a second origin that redirects to it or streams an endless body.
/// </summary>
public sealed class IssuerFetchRedirectTests : IAsyncLifetime
{
    private FakeIssuerHost _issuer = null!;
    private WebApplication _other = null!;
    private string _otherUrl = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeIssuerHost.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _other = builder.Build();
        _other.MapGet("/jwks.json", () => Results.Redirect(_issuer.BaseUrl + "/.well-known/jwks.json"));
        _other.MapGet("/metadata", () => Results.Redirect(_issuer.MetadataUri));
        _other.MapGet("/huge-jwks.json", async (HttpContext context) =>
        {
            // No Content-Length: chunked, and far beyond the 64 KiB a JWKS may take.
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"keys\":[");
            var filler = new string(' ', 16 * 1024);
            for (var i = 0; i < 256 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync(filler, context.RequestAborted);
            }
        });
        await _other.StartAsync();
        _otherUrl = _other.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Jwks_reached_only_through_a_redirect_is_not_loaded()
    {
        Assert.Null(await KeyAsync(new TrustedIssuerOptions { Issuer = _issuer.Issuer, JwksUri = new Uri(_otherUrl + "/jwks.json") }));
        Assert.Equal(0, _issuer.Requests("/.well-known/jwks.json"));
    }

    [Fact]
    public async Task Metadata_reached_only_through_a_redirect_is_not_used()
    {
        Assert.Null(await KeyAsync(new TrustedIssuerOptions { Issuer = _issuer.Issuer, MetadataUri = new Uri(_otherUrl + "/metadata") }));
        Assert.Equal(0, _issuer.Requests("/.well-known/execgov-issuer"));
    }

    [Fact]
    public async Task Jwks_body_beyond_its_limit_is_refused()
    {
        Assert.Null(await KeyAsync(new TrustedIssuerOptions { Issuer = _issuer.Issuer, JwksUri = new Uri(_otherUrl + "/huge-jwks.json") }));
    }

    [Fact]
    public async Task Jwks_at_the_configured_url_itself_is_loaded()
    {
        Assert.NotNull(await KeyAsync(new TrustedIssuerOptions { Issuer = _issuer.Issuer, JwksUri = new Uri(_issuer.BaseUrl + "/.well-known/jwks.json") }));
    }

    private async Task<ExecGov.Credentials.Crypto.Ed25519SecurityKey?> KeyAsync(TrustedIssuerOptions issuer)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCredentialVerifier(o =>
        {
            o.Audience = "payments-api";
            o.Issuers.Add(issuer);
        });
        services.AddSingleton<ICredentialStatusSource>(new InMemoryStatusSource());
        await using var provider = services.BuildServiceProvider();
        var keys = provider.GetRequiredService<IIssuerKeySource>();
        return await keys.GetKeyAsync(_issuer.Issuer, _issuer.Key.KeyId, CancellationToken.None);
    }
}
