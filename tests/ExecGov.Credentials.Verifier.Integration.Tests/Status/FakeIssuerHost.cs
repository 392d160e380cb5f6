using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Signing.Crypto;
using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Status;

/// <summary>
/// A stand-in for the issuer's public endpoints on real Kestrel (127.0.0.1, port 0), following the wire contract of
/// docs/revocation.md and docs/http-api.md: JWKS, metadata, signed status lists with ETag / If-None-Match, and the
/// revocation event stream with hello, replay from Last-Event-ID, live status events and heartbeats. The tests
/// control it: revoke, drop or refuse streams, or stop it altogether. It also answers the client-credentials grant
/// (<c>POST /connect/token</c>) and <c>POST /v1/decisions</c>, and records the Authorization header of every request.
/// </summary>
internal sealed class FakeIssuerHost : IAsyncDisposable
{
    public const int ListSize = 4096;
    public const string ClientId = "verifier-payments";
    public const string ClientSecret = "s3cret-for-tests-only";
    private readonly List<(string Path, string? Authorization)> _authorizations = [];
    private readonly List<string> _tokensIssued = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (StatusList List, long Version)> _lists = [];
    private readonly List<(long Id, string Type, string Data)> _events = [];
    private readonly List<Subscriber> _subscribers = [];
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _lastId;
    private long _prunedThrough;

    public Ed25519SigningKey Key { get; } = Ed25519SigningKey.Generate();

    public string BaseUrl { get; private set; } = string.Empty;

    public string Issuer => BaseUrl;

    public string MetadataUri => BaseUrl + "/.well-known/execgov-issuer";

    /// <summary>The <c>ttl</c> written into status list tokens.</summary>
    public int TimeToLiveSeconds { get; set; } = 300;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>False: the event stream answers 503.</summary>
    public bool StreamsEnabled { get; set; } = true;

    public List<string?> LastEventIdsSeen { get; } = [];

    /// <summary>False: the token endpoint answers 503.</summary>
    public bool TokensEnabled { get; set; } = true;

    public int TokenRequests => Requests("/connect/token");

    public static async Task<FakeIssuerHost> StartAsync(int lists = 1)
    {
        var host = new FakeIssuerHost();
        for (var id = 1; id <= lists; id++)
        {
            host._lists[id] = (new StatusList(ListSize, bits: 2), 0);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            lock (host._gate)
            {
                var authorization = context.Request.Headers.Authorization.ToString();
                host._authorizations.Add((context.Request.Path.Value ?? string.Empty, authorization.Length == 0 ? null : authorization));
            }

            await next(context);
        });
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)host.TokenAsync);
        app.MapPost("/v1/decisions", () => Results.Json(new { accepted = 0 }, statusCode: StatusCodes.Status202Accepted));
        app.MapGet("/.well-known/jwks.json", host.Jwks);
        app.MapGet("/.well-known/execgov-issuer", host.Metadata);
        app.MapGet("/status-lists/events", host.EventsAsync);
        app.MapGet("/status-lists/{id:int}", host.StatusList);
        await app.StartAsync();
        host._app = app;
        host.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return host;
    }

    public string ListUri(int id) => $"{BaseUrl}/status-lists/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The Authorization header (null when none) of every request to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<string?> Authorizations(string path)
    {
        lock (_gate)
        {
            return _authorizations.Where(a => a.Path == path).Select(a => a.Authorization).ToArray();
        }
    }

    /// <summary>The access tokens handed out by <c>/connect/token</c>.</summary>
    public IReadOnlyList<string> TokensIssued
    {
        get
        {
            lock (_gate)
            {
                return _tokensIssued.ToArray();
            }
        }
    }

    public int Requests(string path)
    {
        lock (_gate)
        {
            return _requests.GetValueOrDefault(path);
        }
    }

    /// <summary>Changes entries and publishes one <c>status</c> event (persisted for replay, pushed to live streams).</summary>
    public long SetStatus(int listId, StatusValue value, params int[] indices)
    {
        lock (_gate)
        {
            var (list, version) = _lists[listId];
            var changed = list.Clone();
            foreach (var index in indices)
            {
                changed.Set(index, value);
            }

            _lists[listId] = (changed, ++version);
            var id = ++_lastId;
            var data = JsonSerializer.Serialize(new { uri = ListUri(listId), version, status = (int)value, idx = indices });
            _events.Add((id, "status", data));
            foreach (var subscriber in _subscribers)
            {
                subscriber.Channel.Writer.TryWrite(Item("status", data, id));
            }

            return id;
        }
    }

    /// <summary>Forgets every event up to now, so a client resuming from an older id must be told to reset.</summary>
    public void PruneEvents()
    {
        lock (_gate)
        {
            _events.Clear();
            _prunedThrough = _lastId;
        }
    }

    /// <summary>Ends every live stream (the clients see the end of the stream and reconnect).</summary>
    public void DropStreams()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Drop.Cancel();
            }
        }
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            DropStreams();
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Key.Dispose();
    }

    private void Count(string path)
    {
        lock (_gate)
        {
            _requests[path] = _requests.GetValueOrDefault(path) + 1;
        }
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Count("/connect/token");
        if (!TokensEnabled)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = $"tok-{Guid.NewGuid():N}";
        lock (_gate)
        {
            _tokensIssued.Add(token);
        }

        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 300 });
    }

    private IResult Jwks()
    {
        Count("/.well-known/jwks.json");
        var jwk = Key.ToPublicJwk();
        return Results.Json(new { keys = new[] { new { kty = "OKP", crv = "Ed25519", x = jwk.X, kid = Key.KeyId, use = "sig", alg = "EdDSA" } } });
    }

    private IResult Metadata()
    {
        Count("/.well-known/execgov-issuer");
        return Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = BaseUrl + "/.well-known/jwks.json",
            ["status_list_base"] = BaseUrl + "/status-lists",
            ["status_events_uri"] = BaseUrl + "/status-lists/events",
        });
    }

    private IResult StatusList(int id, HttpContext context)
    {
        Count("/status-lists/" + id.ToString(CultureInfo.InvariantCulture));
        StatusList list;
        long version;
        lock (_gate)
        {
            if (!_lists.TryGetValue(id, out var held))
            {
                return Results.Problem(statusCode: 404, title: "No such status list");
            }

            (list, version) = held;
        }

        var etag = "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "max-age=" + TimeToLiveSeconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var token = StatusListTokenWriter.Sign(list, ListUri(id), DateTimeOffset.UtcNow, TimeSpan.FromHours(1), TimeSpan.FromSeconds(TimeToLiveSeconds), Key, version);
        return Results.Text(token, "application/statuslist+jwt");
    }

    private async Task EventsAsync(HttpContext context)
    {
        Count("/status-lists/events");
        var lastEventId = context.Request.Headers["Last-Event-ID"].FirstOrDefault();
        lock (_gate)
        {
            LastEventIdsSeen.Add(lastEventId);
        }

        if (!StreamsEnabled)
        {
            context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            return;
        }

        using var subscriber = new Subscriber();
        lock (_gate)
        {
            // hello, then everything after Last-Event-ID (or reset when pruned), then live events: all under the
            // lock, so nothing published meanwhile is lost or reordered.
            var hello = JsonSerializer.Serialize(new
            {
                last_id = _lastId,
                lists = _lists.Select(l => new { uri = ListUri(l.Key), version = l.Value.Version }).ToArray(),
            });
            subscriber.Channel.Writer.TryWrite(Item("hello", hello));
            if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            {
                if (from < _prunedThrough)
                {
                    subscriber.Channel.Writer.TryWrite(Item("reset", JsonSerializer.Serialize(new { last_id = _lastId })));
                }
                else
                {
                    foreach (var (id, type, data) in _events.Where(e => e.Id > from))
                    {
                        subscriber.Channel.Writer.TryWrite(Item(type, data, id));
                    }
                }
            }

            _subscribers.Add(subscriber);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscriber.Drop.Token);
        var heartbeats = HeartbeatAsync(subscriber, linked.Token);
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.FlushAsync(linked.Token);
            await SseFormatter.WriteAsync(subscriber.Channel.Reader.ReadAllAsync(linked.Token), context.Response.Body, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Dropped by the test or by the client.
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
            }

            await heartbeats;
        }
    }

    private async Task HeartbeatAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(HeartbeatInterval, cancellationToken);
                lock (_gate)
                {
                    subscriber.Channel.Writer.TryWrite(Item("heartbeat", JsonSerializer.Serialize(new { last_id = _lastId, at = DateTimeOffset.UtcNow.ToUnixTimeSeconds() })));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Connection over.
        }
    }

    private static SseItem<string> Item(string type, string data, long? id = null) =>
        new(data, type) { EventId = id?.ToString(CultureInfo.InvariantCulture) };

    private sealed class Subscriber : IDisposable
    {
        public Channel<SseItem<string>> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<SseItem<string>>();

        public CancellationTokenSource Drop { get; } = new();

        public void Dispose() => Drop.Dispose();
    }
}
