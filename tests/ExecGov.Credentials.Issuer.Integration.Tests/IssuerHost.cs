using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Server;
using Microsoft.AspNetCore.Builder;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// The real issuer host, started in-process on a free 127.0.0.1 port with a temporary data folder (real Kestrel,
/// real LiteDB files), plus a client that speaks its HTTP API.
/// </summary>
internal sealed class IssuerHost : IAsyncDisposable
{
    public const string IssuerId = "http://127.0.0.1:5080";
    public const string ConsequentialAction = "payments.release";

    /// <summary>The bootstrap approver's client id in these tests (a person other than the bootstrap admin).</summary>
    public const string BootstrapApproverId = "approver-ines";

    private readonly WebApplication _app;
    private readonly bool _ownsFolder;

    private IssuerHost(WebApplication app, string dataPath, bool ownsFolder, int port)
    {
        _app = app;
        DataPath = dataPath;
        _ownsFolder = ownsFolder;
        Port = port;
        BaseAddress = new Uri(PublicBase(port));
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataPath { get; }

    /// <summary>The loopback port it listens on; pass it to a restart so the public base (and the status-list URIs in credentials) stay the same.</summary>
    public int Port { get; }

    /// <summary>Where it listens, which is also its public base (<c>Issuer:PublicBaseUri</c>): the metadata names reachable URIs.</summary>
    public Uri BaseAddress { get; }

    public Uri MetadataUri => new(BaseAddress, "/.well-known/execgov-issuer");

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public string DatabasePath => Path.Combine(DataPath, "execgov.db");

    public static string NewDataFolder() => Directory.CreateTempSubdirectory("execgov-issuer-it-").FullName;

    public static string PublicBase(int port) => $"http://127.0.0.1:{port}";

    /// <summary>
    /// Starts a host; pass <paramref name="dataPath"/> to restart on an existing folder (then it is not deleted),
    /// and <paramref name="port"/> to listen where an earlier host on that folder listened.
    /// </summary>
    /// <remarks>
    /// The public base must name the real port before the host starts (status-list URIs are built from it), so
    /// port 0 cannot be used: a free port is taken from the operating system and, should another process bind it
    /// first, the start is retried on another one.
    /// </remarks>
    public static async Task<IssuerHost> StartAsync(string? dataPath = null, string[]? extraArgs = null, Action<WebApplicationBuilder>? configure = null, int? port = null)
    {
        var owns = dataPath is null;
        dataPath ??= NewDataFolder();
        for (var attempt = 1; ; attempt++)
        {
            var listen = port ?? FreePort.Next();
            string[] args =
            [
                "--urls", PublicBase(listen),
                $"--Issuer:DataPath={dataPath}",
                $"--Issuer:IssuerId={IssuerId}",
                $"--Issuer:PublicBaseUri={PublicBase(listen)}",
                $"--Issuer:Policy:ConsequentialActions:0={ConsequentialAction}",
                "--Issuer:Policy:AmountThreshold=1000",
                $"--Issuer:BootstrapApproverClientId={BootstrapApproverId}",
                "--Issuer:BootstrapApproverPerson=ines",
                "--Logging:LogLevel:Default=Warning",
                .. extraArgs ?? [],
            ];
            var app = Program.Build(args, configure);
            try
            {
                await app.StartAsync();
                return new IssuerHost(app, dataPath, owns, listen);
            }
            catch (IOException) when (attempt < 5)
            {
                // Kestrel could not bind: someone took the port between our probe and the start. Try again.
                await app.DisposeAsync();
                await Task.Delay(100 * attempt);
            }
        }
    }

    public BootstrapSecret ReadBootstrapSecret(string file = "bootstrap-admin.json")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataPath, file)));
        return new BootstrapSecret(document.RootElement.GetProperty("client_id").GetString()!, document.RootElement.GetProperty("client_secret").GetString()!);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        return await Http.PostAsync("/connect/token", content);
    }

    public async Task<string> SignInAsync(string clientId, string secret)
    {
        using var response = await RequestTokenAsync(clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    public async Task<string> SignInAsBootstrapAsync()
    {
        var secret = ReadBootstrapSecret();
        return await SignInAsync(secret.ClientId, secret.ClientSecret);
    }

    /// <summary>Signs in a private_key_jwt client with a fresh one-time assertion signed by <paramref name="key"/>.</summary>
    public async Task<string> SignInWithKeyAsync(string clientId, Ed25519SigningKey key)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"iss":"{{clientId}}","sub":"{{clientId}}","aud":"{{IssuerId}}/","iat":{{now}},"exp":{{now + 60}},"jti":"{{Guid.NewGuid():N}}"}""";
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = CredentialWriter.SignPayload(payload, "client-authentication+jwt", key),
        });
        using var response = await Http.PostAsync("/connect/token", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    public async Task<string> SignInAsBootstrapApproverAsync()
    {
        var secret = ReadBootstrapSecret("bootstrap-approver.json");
        return await SignInAsync(secret.ClientId, secret.ClientSecret);
    }

    /// <summary>Creates an admin client with the given roles, acting for the person named like the client, and signs it in.</summary>
    public async Task<string> CreateClientAndSignInAsync(string adminToken, string clientId, params string[] roles) =>
        await CreateClientAndSignInAsync(adminToken, clientId, clientId, roles);

    /// <summary>Creates an admin client for <paramref name="person"/> with the given roles and signs it in.</summary>
    public async Task<string> CreateClientAndSignInAsync(string adminToken, string clientId, string person, string[] roles)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/admin-clients", adminToken, new { client_id = clientId, display_name = clientId, person, roles });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return await SignInAsync(clientId, JsonNode.Parse(body)!["client_secret"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonNode> SendJsonAsync(HttpMethod method, string path, string? token, object? body, System.Net.HttpStatusCode expected, string? authorization = null)
    {
        using var response = await SendAsync(method, path, token, body, authorization);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsFolder)
        {
            DeleteFolder(DataPath);
        }
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS eventually.
        }
    }
}

internal sealed record BootstrapSecret(string ClientId, string ClientSecret);
