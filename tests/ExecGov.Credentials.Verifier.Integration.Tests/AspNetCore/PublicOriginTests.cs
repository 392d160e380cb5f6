using System.Net;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Integration.Tests.AspNetCore;

/// <summary>
/// Outside Development the origin a proof must name (<c>htu</c>) comes from <see cref="ActionEnforcementOptions.PublicOrigin"/>,
/// never from the request's <c>Host</c> header, which the caller chooses. Real Kestrel apps on loopback in Production.
/// </summary>
public sealed class PublicOriginTests : IDisposable
{
    private static readonly Uri Public = new("https://payments.example");
    private readonly TestAuthority _authority = new();

    [Fact]
    public async Task Production_app_without_a_public_origin_does_not_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("Production", publicOrigin: null));
        Assert.Contains("PublicOrigin", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Host header", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_a_proof_for_the_host_header_the_caller_chose_is_refused_and_one_for_the_public_origin_accepted()
    {
        await using var app = await StartAsync("Production", Public);
        using var client = Client(app);
        var credential = _authority.Credential();
        var path = $"/v1/invoices/{_authority.Invoice}";

        // The caller sends Host: evil.example and signs its proof for that host: the Host header decides nothing.
        using var spoofed = _authority.Request(HttpMethod.Get, new Uri(client.BaseAddress!, path), credential, proof: _authority.Proof(credential, HttpMethod.Get, new Uri("http://evil.example" + path)));
        spoofed.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("proof_invalid", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // The loopback URL actually called is not the public origin either.
        using var direct = await client.SendAsync(_authority.Request(HttpMethod.Get, new Uri(client.BaseAddress!, path), credential));
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);

        using var proper = _authority.Request(HttpMethod.Get, new Uri(client.BaseAddress!, path), credential, proof: _authority.Proof(credential, HttpMethod.Get, new Uri(Public, path)));
        using var allowed = await client.SendAsync(proper);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task In_development_the_request_origin_is_still_accepted_without_configuration()
    {
        await using var app = await StartAsync("Development", publicOrigin: null);
        using var client = Client(app);
        var credential = _authority.Credential();
        using var response = await client.SendAsync(_authority.Request(HttpMethod.Get, new Uri(client.BaseAddress!, $"/v1/invoices/{_authority.Invoice}"), credential));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _authority.Dispose();

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

    private Task<WebApplication> StartAsync(string environment, Uri? publicOrigin) =>
        EnforcedApp.StartAsync(_authority, environment, publicOrigin, app =>
            app.MapGet("/v1/invoices/{id}", (string id) => Results.Ok(new { id }))
                .RequireAction("invoices.read", request => new ActionValues { Resource = $"invoice:{request.RouteValue("id")}" }));
}
