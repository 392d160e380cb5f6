using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Endpoint;

/// <summary>
/// The verifier endpoint host, started for real on Kestrel (127.0.0.1, port 0) with the same composition as its
/// Program.cs (<c>AddVerifierEndpoint</c> + <c>MapVerifierEndpoint</c>), configured from an in-memory
/// configuration the way an operator would configure it.
/// </summary>
internal sealed class VerifierEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _contentRoot;

    private VerifierEndpointHost(WebApplication app, string baseUrl, string contentRoot)
    {
        _app = app;
        _contentRoot = contentRoot;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static IDictionary<string, string?> Settings(string issuer, string metadataUri) => new Dictionary<string, string?>
    {
        ["Verifier:Audience"] = IntegrationData.Audience,
        ["Verifier:Issuers:0:Issuer"] = issuer,
        ["Verifier:Issuers:0:MetadataUri"] = metadataUri,
        ["Verifier:JwksMinimumRefreshInterval"] = "00:00:01",
        ["StatusLists:MaxStatusAge"] = "00:01:00",

        // Generous on a loaded machine: a first fetch on loopback takes milliseconds, but the CI box is shared.
        ["StatusLists:FirstFetchTimeout"] = "00:00:10",
        ["StatusLists:StreamReconnectMinimumDelay"] = "00:00:00.050",
        ["StatusLists:StreamReconnectMaximumDelay"] = "00:00:00.500",
        ["StatusLists:StreamIdleTimeout"] = "00:00:05",
    };

    public static async Task<VerifierEndpointHost> StartAsync(IDictionary<string, string?> settings, string environment = "Production", ILoggerProvider? logs = null)
    {
        // An empty content root of its own: the endpoint's appsettings.json (copied next to the tests) must not
        // mix its sample issuer into the configuration under test.
        var contentRoot = Directory.CreateTempSubdirectory("execgov-verifier-").FullName;
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddVerifierEndpoint(builder.Configuration);
            var app = builder.Build();
            app.MapVerifierEndpoint();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new VerifierEndpointHost(app, address, contentRoot);
        }
        catch
        {
            Directory.Delete(contentRoot, recursive: true);
            throw;
        }
    }

    public async Task<JsonElement> VerifyAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("/v1/verify", body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Verifies again and again (a fresh proof each time) until the reason is <paramref name="reason"/> or the deadline passes.</summary>
    public async Task<JsonElement> VerifyUntilAsync(Func<object> body, string reason, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var answer = await VerifyAsync(body());
            if (answer.GetProperty("reason").GetString() == reason || DateTime.UtcNow > until)
            {
                return answer;
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
