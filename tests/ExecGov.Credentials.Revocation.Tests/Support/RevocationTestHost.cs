using ExecGov.Credentials.Revocation.Registry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>The library hosted the way the issuer will host it: real Kestrel on 127.0.0.1 port 0, a real LiteDB file in a temp folder.</summary>
internal sealed class RevocationTestHost : IAsyncDisposable
{
    public const string ResponderPolicy = "responder";

    private readonly TempFolder _directory;
    private readonly WebApplication _app;

    private RevocationTestHost(TempFolder directory, WebApplication app, TestSigningKeys keys, FakeTimeProvider time, HttpClient client)
    {
        _directory = directory;
        _app = app;
        Keys = keys;
        Time = time;
        Client = client;
    }

    public TestSigningKeys Keys { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public Registrations Data { get; } = new();

    public RevocationRegistry Allocator => _app.Services.GetRequiredService<RevocationRegistry>();

    public RevocationRegistry Registry => _app.Services.GetRequiredService<RevocationRegistry>();

    public static async Task<RevocationTestHost> StartAsync(Action<RevocationOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var directory = new TempFolder();
        var keys = new TestSigningKeys();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IStatusListSigningKeyProvider>(keys);
        builder.Services.AddRevocation(options =>
        {
            options.DatabasePath = directory.File("execgov.db");
            options.PublicBaseUri = new Uri("http://127.0.0.1");
            options.ListSize = 1_024;
            options.HeartbeatInterval = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ResponderPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim("role", "responder"));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapRevocationEndpoints();
        app.MapRevocationAdminEndpoints(ResponderPolicy);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RevocationTestHost(directory, app, keys, time, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Keys.Dispose();
        _directory.Dispose();
    }
}
