using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.LoadTest;

/// <summary>
/// ONE Kestrel host on loopback with the verifier endpoint exactly as its Program.cs composes it
/// (AddVerifierEndpoint/MapVerifierEndpoint, status lists from the issuer) and a trivial endpoint beside it.
/// </summary>
internal sealed class LoadHost : IAsyncDisposable
{
    /// <summary>What the trivial endpoint answers: about the size of a verify answer.</summary>
    private static readonly byte[] TrivialAnswer =
        """{"decision":"allow","reason":"allowed","agent":"agent-load","authoriser":"bootstrap-admin","credential_id":"cred_0000000000000000000000000000000","session_id":"ses_00000000000000000000000000000000","expires_at":"2026-01-01T00:00:00+00:00","decision_id":"00000000000000000000000000000000"}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly string _contentRoot;

    private LoadHost(WebApplication app, string contentRoot, Uri baseAddress)
    {
        _app = app;
        _contentRoot = contentRoot;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri Verify => new(BaseAddress, "v1/verify");

    public Uri Trivial => new(BaseAddress, "trivial");

    public static async Task<LoadHost> StartAsync(string issuerId, bool consoleLogging)
    {
        // An empty content root: the endpoint's appsettings.json (copied beside this program) must not configure it.
        var contentRoot = Directory.CreateTempSubdirectory("execgov-load-host-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // One holder signs every proof of the run, so its share of the replay memory is the whole memory (the total cap still applies).
            ["Verifier:MaxRememberedProofsPerHolder"] = "1000000",
            ["Verifier:Audience"] = RealIssuer.Audience,
            ["Verifier:Issuers:0:Issuer"] = issuerId,
            ["Verifier:Issuers:0:MetadataUri"] = issuerId + "/.well-known/execgov-issuer",
            ["Endpoint:StatusSource"] = "StatusList",
        });
        builder.Logging.ClearProviders();
        if (consoleLogging)
        {
            // Logging exactly as the endpoint ships it: the Logging section of its appsettings.json (copied beside this
            // program), to the console; stderr, so the report on stdout stays readable.
            var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false).Build();
            builder.Logging.AddConfiguration(shipped.GetSection("Logging"));
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.AddVerifierEndpoint(builder.Configuration);
        var app = builder.Build();
        app.MapVerifierEndpoint();
        app.MapPost("/trivial", async (HttpContext context) =>
        {
            // Reads the same body /v1/verify gets, and answers a constant of the same size.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(TrivialAnswer, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoadHost(app, contentRoot, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
