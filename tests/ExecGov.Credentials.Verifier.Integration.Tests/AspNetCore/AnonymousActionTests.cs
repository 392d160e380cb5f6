using System.Net;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.AspNetCore;

/// <summary>
/// <c>RequireAction</c> with <c>AllowAnonymous</c> on the same endpoint (or its group) is refused at start-up: the
/// authorization middleware would otherwise run the handler with no credential at all. Real Kestrel apps on loopback.
/// </summary>
public sealed class AnonymousActionTests : IDisposable
{
    private readonly TestAuthority _authority = new();

    [Theory]
    [InlineData("allow anonymous after")]
    [InlineData("allow anonymous before")]
    [InlineData("allow anonymous on the group")]
    public async Task App_with_an_action_that_also_allows_anonymous_access_does_not_start(string shape)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app =>
        {
            switch (shape)
            {
                case "allow anonymous after":
                    app.MapPost("/v1/payments/release", () => Results.Ok()).RequireAction("payments.release").AllowAnonymous();
                    break;
                case "allow anonymous before":
                    app.MapPost("/v1/payments/release", () => Results.Ok()).AllowAnonymous().RequireAction("payments.release");
                    break;
                default:
                    var group = app.MapGroup("/v1").AllowAnonymous();
                    group.MapPost("/payments/release", () => Results.Ok()).RequireAction("payments.release");
                    break;
            }
        }));

        Assert.Contains("payments.release", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAnonymous", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_endpoints_beside_enforced_ones_start_and_the_enforced_one_still_denies_without_a_credential()
    {
        await using var app = await StartAsync(app =>
        {
            app.MapGet("/healthz", () => Results.Ok()).AllowAnonymous();
            app.MapPost("/v1/payments/release", () => Results.Ok()).RequireAction("payments.release");
        });
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var client = new HttpClient { BaseAddress = address };

        using var health = await client.GetAsync("/healthz");
        using var release = await client.PostAsync("/v1/payments/release", null);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, release.StatusCode);
    }

    public void Dispose() => _authority.Dispose();

    private Task<WebApplication> StartAsync(Action<WebApplication> map) => EnforcedApp.StartAsync(_authority, "Development", publicOrigin: null, map);
}
