using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Decisions;

/// <summary>
/// The issuer's side of decision shipping on real Kestrel at 127.0.0.1:0: <c>POST /connect/token</c> (client
/// credentials, <c>client_secret_post</c>) and <c>POST /v1/decisions</c> (Bearer token), answering from a script.
/// </summary>
internal sealed class FakeAuditIssuer : IAsyncDisposable
{
    public const string ClientId = "verifier-payments";
    public const string ClientSecret = "s3cret-for-tests-only";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private int _tokenRequests;
    private int _posts;

    private FakeAuditIssuer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Statuses to answer <c>POST /v1/decisions</c> with, in order, before accepting.</summary>
    public ConcurrentQueue<int> Script { get; } = new();

    /// <summary>Every batch received, accepted or not.</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    /// <summary>Batches accepted.</summary>
    public ConcurrentQueue<JsonObject> Accepted { get; } = new();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int Posts => Volatile.Read(ref _posts);

    /// <summary>Held until released: the decisions route hangs, as a stuck issuer would.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public static async Task<FakeAuditIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new FakeAuditIssuer(app);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)issuer.TokenAsync);
        app.MapPost("/v1/decisions", (Func<HttpContext, Task<IResult>>)issuer.DecisionsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return issuer;
    }

    /// <summary>Forgets every token issued, so the next POST with one is 401.</summary>
    public void RevokeTokens() => _tokens.Clear();

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = $"tok-{Guid.NewGuid():N}";
        _tokens[token] = 0;
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 300 });
    }

    private async Task<IResult> DecisionsAsync(HttpContext context)
    {
        Interlocked.Increment(ref _posts);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization[7..]))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var batch = (await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body))!;
        Received.Enqueue(batch);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (Script.TryDequeue(out var status))
        {
            return Results.StatusCode(status);
        }

        Accepted.Enqueue(batch);
        return Results.Json(new { accepted = batch["records"]!.AsArray().Count }, statusCode: StatusCodes.Status202Accepted);
    }
}
