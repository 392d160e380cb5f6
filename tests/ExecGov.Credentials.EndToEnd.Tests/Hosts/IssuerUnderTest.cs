using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Issuer.Server;
using Microsoft.AspNetCore.Builder;

namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>
/// The real issuer service (its own Program.Build: the composition <c>dotnet run</c> uses), in-process on real Kestrel
/// at 127.0.0.1 with a real LiteDB file in a temporary folder, and a client for its HTTP API.
/// </summary>
internal sealed class IssuerUnderTest : IAsyncDisposable
{
    /// <summary>The action the issuer treats as consequential: every grant of it waits for a human approver.</summary>
    public const string ConsequentialAction = "payments.release";

    private readonly WebApplication _app;
    private readonly TempFolder _data;

    private IssuerUnderTest(WebApplication app, TempFolder data, string issuerId)
    {
        _app = app;
        _data = data;
        IssuerId = issuerId;
        BaseAddress = new Uri(issuerId + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The issuer id, which is also its URL: <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public string IssuerId { get; }

    public Uri BaseAddress { get; }

    public Uri MetadataUri => new(BaseAddress, ".well-known/execgov-issuer");

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<IssuerUnderTest> StartAsync(params string[] extraArgs)
    {
        for (var attempt = 1; ; attempt++)
        {
            var data = new TempFolder("execgov-e2e-issuer-");
            var issuerId = $"http://127.0.0.1:{FreePort.Next()}";
            string[] args =
            [
                "--urls", issuerId,
                $"--contentRoot={data.Path}",
                $"--Issuer:IssuerId={issuerId}",
                $"--Issuer:DataPath={data.Path}",
                $"--Issuer:Policy:ConsequentialActions:0={ConsequentialAction}",
                "--Issuer:TokenRequestsPerMinute=1000",
                "--Issuer:BootstrapApproverClientId=approver-ines",
                "--Issuer:BootstrapApproverPerson=ines",
                "--Issuer:AgentRequestsPerMinute=10000",
                "--Logging:LogLevel:Default=Warning",
                .. extraArgs,
            ];
            var app = Program.Build(args);
            try
            {
                await app.StartAsync();
                return new IssuerUnderTest(app, data, issuerId);
            }
            catch (IOException) when (attempt < 5)
            {
                // The port was taken between FreePort and Kestrel's bind: try another one.
                await app.DisposeAsync();
                data.Dispose();
            }
        }
    }

    /// <summary>The bootstrap admin's secret, written once to the data folder at first start.</summary>
    public (string ClientId, string Secret) BootstrapSecret(string name = "bootstrap-admin.json")
    {
        var file = JsonNode.Parse(File.ReadAllText(_data.File(name)))!;
        return (file["client_id"]!.GetValue<string>(), file["client_secret"]!.GetValue<string>());
    }

    public async Task<string> SignInAsync(string clientId, string secret)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        using var response = await Http.PostAsync("connect/token", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {clientId}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>Creates an admin client with <paramref name="roles"/>; returns its secret (shown once).</summary>
    public async Task<string> CreateClientAsync(string adminToken, string clientId, params string[] roles)
    {
        var created = await SendJsonAsync(HttpMethod.Post, "v1/admin-clients", adminToken, new { client_id = clientId, display_name = clientId, person = clientId, roles }, HttpStatusCode.Created);
        return created["client_secret"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonNode> SendJsonAsync(HttpMethod method, string path, string? token, object? body, HttpStatusCode expected)
    {
        using var response = await SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
