using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Assertions;
using ExecGov.Credentials.Issuer.Assertions;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Agent.Tests.Issuer;

/// <summary>
/// The issuer's agent API as docs/http-api.md describes it, on a real Kestrel host at 127.0.0.1:0:
/// <c>POST /v1/agent/credentials</c> and <c>GET /v1/agent/approvals/{id}</c>, each authenticated with an agent
/// assertion checked by <see cref="AgentAssertionValidator"/> (jti replay refused). Issues real signed credentials.
/// Shared by the agent and integration tests (linked source).
/// </summary>
internal sealed class FakeIssuer : IAsyncDisposable
{
    public const string StatusListUri = "https://status.execgov.test/lists/1";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, byte> _usedIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Approval> _approvals = new(StringComparer.Ordinal);
    private int _credentialRequests;
    private int _approvalPolls;
    private int _nextIndex;

    private FakeIssuer(WebApplication app, TimeProvider time, string agentId, Ed25519SecurityKey agentKey)
    {
        _app = app;
        _time = time;
        AgentId = agentId;
        AgentKey = agentKey;
        SigningKey = Ed25519SigningKey.Generate();
    }

    public string AgentId { get; }

    /// <summary>The agent's registered public key.</summary>
    public Ed25519SecurityKey AgentKey { get; }

    public Ed25519SigningKey SigningKey { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The issuer identifier: the base address without a trailing slash.</summary>
    public string Issuer { get; private set; } = string.Empty;

    public string Jwks => JsonSerializer.Serialize(new
    {
        keys = new[] { new { kty = "OKP", crv = "Ed25519", x = SigningKey.ToPublicJwk().X, kid = SigningKey.KeyId, use = "sig", alg = "EdDSA" } },
    });

    public int CredentialRequests => Volatile.Read(ref _credentialRequests);

    public int ApprovalPolls => Volatile.Read(ref _approvalPolls);

    public ConcurrentQueue<string> AssertionFailures { get; } = new();

    public ConcurrentQueue<JsonObject> RequestBodies { get; } = new();

    public ConcurrentQueue<IssuedRecord> Issued { get; } = new();

    /// <summary>When set, credential requests answer 202 and need this many pending polls before the outcome.</summary>
    public int? PendingPolls { get; set; }

    /// <summary>The approval outcome: approved, denied or expired.</summary>
    public string ApprovalOutcome { get; set; } = "approved";

    /// <summary>When set, credential requests are refused with this status and problem code.</summary>
    public (int Status, string Code)? Refuse { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When set, credentials are bound to this thumbprint instead of the agent's key.</summary>
    public string? BindTo { get; set; }

    /// <summary>Held open until released, to observe concurrent callers.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public static async Task<FakeIssuer> StartAsync(string agentId, string agentPublicJwk, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        using var jwk = JsonDocument.Parse(agentPublicJwk);
        var x = Base64Url.DecodeFromChars(jwk.RootElement.GetProperty("x").GetString());
        var issuer = new FakeIssuer(app, time ?? TimeProvider.System, agentId, new Ed25519SecurityKey(x));
        app.MapPost("/v1/agent/credentials", (Func<HttpContext, Task<IResult>>)issuer.RequestAsync);
        app.MapGet("/v1/agent/approvals/{id}", (Func<HttpContext, string, IResult>)issuer.PollAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.Issuer = address.TrimEnd('/');
        issuer.BaseAddress = new Uri(issuer.Issuer + "/");
        return issuer;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SigningKey.Dispose();
    }

    private async Task<IResult> RequestAsync(HttpContext context)
    {
        Interlocked.Increment(ref _credentialRequests);
        if (Authenticate(context) is { } refused)
        {
            return refused;
        }

        if (Gate is { } gate)
        {
            await gate.Task;
        }

        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        RequestBodies.Enqueue(body!);
        if (Refuse is { } refuse)
        {
            return Problem(refuse.Status, refuse.Code);
        }

        if (PendingPolls is { } polls)
        {
            var id = $"apr-{Guid.NewGuid():N}";
            _approvals[id] = new Approval(body!, polls);
            return Results.Json(new { approval_id = id, status = "pending" }, statusCode: StatusCodes.Status202Accepted);
        }

        return Results.Json(Issue(body!), statusCode: StatusCodes.Status201Created);
    }

    private IResult PollAsync(HttpContext context, string id)
    {
        Interlocked.Increment(ref _approvalPolls);
        if (Authenticate(context) is { } refused)
        {
            return refused;
        }

        if (!_approvals.TryGetValue(id, out var approval))
        {
            return Problem(StatusCodes.Status404NotFound, "approval_not_found");
        }

        if (Interlocked.Decrement(ref approval.Remaining) >= 0)
        {
            return Results.Json(new { approval_id = id, status = "pending" });
        }

        return ApprovalOutcome switch
        {
            "approved" => Results.Json(new JsonObject { ["approval_id"] = id, ["status"] = "approved", ["credential"] = Issue(approval.Body) }),
            var outcome => Results.Json(new { approval_id = id, status = outcome }),
        };
    }

    private IResult? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "ExecGov-Assertion ";
        if (!header.StartsWith(scheme, StringComparison.Ordinal))
        {
            AssertionFailures.Enqueue("no ExecGov-Assertion header");
            return Problem(StatusCodes.Status401Unauthorized, "assertion_missing");
        }

        var assertion = header[scheme.Length..];
        if (!AgentAssertionValidator.TryReadAgentId(assertion, out var agentId, out _) || agentId != AgentId)
        {
            AssertionFailures.Enqueue("unknown agent");
            return Problem(StatusCodes.Status401Unauthorized, "assertion_invalid");
        }

        var result = AgentAssertionValidator.Validate(assertion, AgentId, AgentKey, Issuer, _time.GetUtcNow());
        if (!result.IsValid)
        {
            AssertionFailures.Enqueue(result.Error.ToString());
            return Problem(StatusCodes.Status401Unauthorized, "assertion_invalid");
        }

        if (!_usedIds.TryAdd(result.Claims!.Id, 0))
        {
            AssertionFailures.Enqueue("replayed");
            return Problem(StatusCodes.Status401Unauthorized, "assertion_replayed");
        }

        return null;
    }

    private JsonObject Issue(JsonObject request)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var audience = request["audience"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var details = JsonSerializer.Deserialize(request["authorization_details"]!.ToJsonString(), CredentialJsonContext.Default.ListAuthorizationDetail)!;
        var lifetime = request["lifetime_seconds"]?.GetValue<long>() ?? (long)Lifetime.TotalSeconds;
        var reference = new StatusListReference { Index = Interlocked.Increment(ref _nextIndex), Uri = StatusListUri };
        var claims = new CredentialClaims
        {
            Issuer = Issuer,
            Subject = AgentId,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            CredentialId = Guid.NewGuid().ToString("N"),
            SessionId = request["session_id"]?.GetValue<string>() ?? $"ses-{Guid.NewGuid():N}",
            Confirmation = new Confirmation { KeyThumbprint = BindTo ?? AgentKey.Thumbprint },
            AuthorizationDetails = details,
            Authoriser = new Authoriser { Subject = "admin-7", Name = "Ada Approver", ApprovedAt = now },
            Status = new StatusClaim { StatusList = reference },
        };
        var credential = CredentialWriter.Sign(claims, SigningKey);
        Issued.Enqueue(new IssuedRecord(claims.CredentialId, claims.SessionId, reference));
        return new JsonObject
        {
            ["credential"] = credential,
            ["credential_id"] = claims.CredentialId,
            ["session_id"] = claims.SessionId,
            ["expires_at"] = DateTimeOffset.FromUnixTimeSeconds(claims.Expires).ToString("O"),
            ["authoriser"] = new JsonObject { ["sub"] = "admin-7", ["name"] = "Ada Approver" },
            ["status"] = new JsonObject { ["idx"] = reference.Index, ["uri"] = reference.Uri },
        };
    }

    private static IResult Problem(int status, string code) =>
        Results.Json(new { type = "about:blank", title = code, status, code }, statusCode: status, contentType: "application/problem+json");

    public sealed record IssuedRecord(string CredentialId, string SessionId, StatusListReference Status);

    private sealed class Approval(JsonObject body, int remaining)
    {
        public JsonObject Body { get; } = body;

        public int Remaining = remaining;
    }
}
