using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Http.Tokens;
using ExecGov.Credentials.Issuer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.LoadTest;

/// <summary>
/// The real issuer (the same AddIssuer/MapIssuerApi composition as its host), in-process on loopback with a temporary
/// data folder: it publishes the JWKS, the metadata and the status lists the verifier reads, and issues the credentials.
/// </summary>
internal sealed class RealIssuer : IAsyncDisposable
{
    public const string Audience = "payments-api";

    private readonly WebApplication _app;
    private readonly string _data;
    private readonly HttpClient _http;

    private RealIssuer(WebApplication app, string data, string issuerId)
    {
        _app = app;
        _data = data;
        IssuerId = issuerId;
        _http = new HttpClient { BaseAddress = new Uri(issuerId + "/") };
    }

    public string IssuerId { get; }

    public static async Task<RealIssuer> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("execgov-load-issuer-").FullName;

        // The issuer id is its URL, so the port is chosen before it starts (free a moment ago, on loopback only).
        var issuerId = $"http://127.0.0.1:{FreePort()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = data, Args = [$"--urls={issuerId}"] });
        builder.Configuration["Issuer:IssuerId"] = issuerId;
        builder.Configuration["Issuer:DataPath"] = data;
        builder.Logging.ClearProviders();
        builder.AddIssuer();
        var app = builder.Build();
        app.MapIssuerApi();
        await app.StartAsync();
        return new RealIssuer(app, data, issuerId);
    }

    /// <summary>Registers an agent with <paramref name="key"/> and issues it <paramref name="count"/> low-risk payment credentials.</summary>
    public async Task<IReadOnlyList<string>> IssueAsync(Ed25519SigningKey key, int count)
    {
        var secret = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "bootstrap-admin.json")))!;
        var tokens = new ClientCredentialsTokenClient(_http, new Uri(_http.BaseAddress!, "connect/token"),
            ClientCredentialsTokenClient.SecretForm(secret["client_id"]!.GetValue<string>(), secret["client_secret"]!.GetValue<string>()), TimeProvider.System);
        var signIn = await tokens.RequestAsync(CancellationToken.None);
        var token = signIn.AccessToken ?? throw new InvalidOperationException($"Sign-in failed: {signIn.Cause}");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var jwk = key.ToPublicJwk();
        await PostAsync("v1/agents", new
        {
            id = "agent-load",
            display_name = "Load generator",
            owner = "Benchmarks",
            public_key = new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X },
            allowed_audiences = new[] { Audience },
            ceiling = new[] { new { type = "execgov_action", actions = new[] { "payments.release" }, resources = new[] { "invoice:*" }, constraints = new { max_amount = 500m, currency = "EUR" } } },
            max_lifetime_seconds = 3600,
        });

        var credentials = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            // max_amount 500 is under the default approval threshold (1000): issued at once (201).
            var issued = await PostAsync("v1/credentials", new
            {
                agent_id = "agent-load",
                audience = new[] { Audience },
                authorization_details = new[] { new { type = "execgov_action", actions = new[] { "payments.release" }, resources = new[] { "invoice:*" }, constraints = new { max_amount = 500m, currency = "EUR" } } },
                lifetime_seconds = 1800,
            });
            credentials.Add(issued["credential"]!.GetValue<string>());
        }

        return credentials;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS eventually.
        }
    }

    private async Task<JsonNode> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
