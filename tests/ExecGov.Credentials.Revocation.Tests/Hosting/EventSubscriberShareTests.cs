using System.Net;
using System.Net.Http.Headers;
using ExecGov.Credentials.Revocation.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Revocation.Tests.Hosting;

/// <summary>
/// On the real endpoint: one client address cannot take every event-stream place, and places kept for trusted
/// verifiers (the host's policy) stay free for them however many anonymous subscribers come.
/// </summary>
public sealed class EventSubscriberShareTests : IAsyncLifetime
{
    private RevocationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RevocationTestHost.StartAsync(
        options =>
        {
            options.MaxEventSubscribers = 4;
            options.MaxEventSubscribersPerAddress = 2;
            options.ReservedSubscriberPolicy = "verifier";
            options.ReservedEventSubscribers = 1;
        },
        services => services.Configure<AuthorizationOptions>(o => o.AddPolicy("verifier", p => p.RequireAuthenticatedUser().RequireClaim("role", "verifier"))));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Anonymous_subscribers_get_their_address_share_and_a_verifier_token_still_gets_a_kept_place()
    {
        await using var first = await OpenAsync(_host.Client);
        await using var second = await OpenAsync(_host.Client);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);

        await using (var third = await OpenAsync(_host.Client))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, third.Response.StatusCode);
        }

        // A responder token is authenticated but not a verifier: it counts as anonymous.
        using var responder = Client("raj responder");
        await using (var notVerifier = await OpenAsync(responder))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notVerifier.Response.StatusCode);
        }

        using var verifier = Client("payments-verifier verifier");
        await using var kept = await OpenAsync(verifier);
        Assert.Equal(HttpStatusCode.OK, kept.Response.StatusCode);
        Assert.Equal("hello", (await kept.NextAsync()).EventType);
        await using var another = await OpenAsync(verifier);
        Assert.Equal(HttpStatusCode.OK, another.Response.StatusCode);

        await using var full = await OpenAsync(verifier);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Response.StatusCode);
    }

    private static Task<SseReader> OpenAsync(HttpClient client) => SseReader.OpenAsync(client);

    private HttpClient Client(string subjectAndRole)
    {
        var client = new HttpClient { BaseAddress = _host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(HeaderAuthentication.SchemeName, subjectAndRole);
        return client;
    }
}
