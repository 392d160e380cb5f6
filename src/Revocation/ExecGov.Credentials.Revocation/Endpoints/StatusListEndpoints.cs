using System.Globalization;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Publishing;
using ExecGov.Credentials.Revocation.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Revocation.Endpoints;

/// <summary>The public endpoints: <c>GET /status-lists/{id}</c> and <c>GET /status-lists/events</c> (docs/revocation.md §2, §3).</summary>
internal static class StatusListEndpoints
{
    public const string MediaType = "application/statuslist+jwt";
    public const string LastEventIdHeader = "Last-Event-ID";

    // Long enough that refused subscribers do not hammer the issuer, short next to a verifier's poll interval.
    private const string RetrySubscriptionAfterSeconds = "30";

    /// <summary>Answers a list's token with its ETag, or 304 when <c>If-None-Match</c> names it.</summary>
    public static async Task GetListAsync(HttpContext context)
    {
        var registry = context.RequestServices.GetRequiredService<RevocationRegistry>();
        if (!ListUris.TryParseId(context.Request.RouteValues["id"] as string, out var listId))
        {
            await ProblemWriter.WriteAsync(context, ErrorCode.StatusListNotFound).ConfigureAwait(false);
            return;
        }

        PublishedStatusList? published;
        try
        {
            published = registry.Publisher.Get(listId);
        }
        catch (StatusListUnavailableException)
        {
            await ProblemWriter.WriteAsync(context, ErrorCode.StatusListUnavailable).ConfigureAwait(false);
            return;
        }

        if (published?.Token is null)
        {
            await ProblemWriter.WriteAsync(context, ErrorCode.StatusListNotFound, $"There is no status list {listId}.").ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.Headers.ETag = published.ETag;
        response.Headers.CacheControl = "max-age=" + ((long)registry.Options.TimeToLive.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (NoneMatch(context.Request, published.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType;
        await response.WriteAsync(published.Token, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Streams events (Server-Sent Events) until the client goes away or the host stops.</summary>
    public static async Task StreamEventsAsync(HttpContext context)
    {
        var registry = context.RequestServices.GetRequiredService<RevocationRegistry>();
        long? lastEventId = null;
        var header = context.Request.Headers[LastEventIdHeader];
        if (header.Count > 1)
        {
            await ProblemWriter.WriteAsync(context, ErrorCode.InvalidLastEventId, "Send at most one Last-Event-ID header.").ConfigureAwait(false);
            return;
        }

        var text = header.ToString().Trim();
        if (text.Length > 0)
        {
            if (text.Length > 19 || !text.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await ProblemWriter.WriteAsync(context, ErrorCode.InvalidLastEventId).ConfigureAwait(false);
                return;
            }

            lastEventId = parsed;
        }

        var gate = context.RequestServices.GetRequiredService<SubscriberGate>();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var place = gate.TryEnter(address, await IsTrustedAsync(context, registry.Options).ConfigureAwait(false));
        if (place is null)
        {
            // A refused verifier keeps polling (its lists stay fresh within ttl) and tries the stream again later.
            context.Response.Headers.RetryAfter = RetrySubscriptionAfterSeconds;
            await ProblemWriter.WriteAsync(context, ErrorCode.TooManySubscribers).ConfigureAwait(false);
            return;
        }

        try
        {
            await StreamAsync(context, registry, lastEventId).ConfigureAwait(false);
        }
        finally
        {
            gate.Exit(place);
        }
    }

    /// <summary>Whether the caller passes the host's policy for reserved places (a verifier's token); anonymous otherwise.</summary>
    private static async Task<bool> IsTrustedAsync(HttpContext context, RevocationOptions options)
    {
        if (options.ReservedSubscriberPolicy is not { } policy || context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = context.RequestServices.GetService<IAuthorizationService>();
        return authorization is not null && (await authorization.AuthorizeAsync(context.User, policy).ConfigureAwait(false)).Succeeded;
    }

    private static async Task StreamAsync(HttpContext context, RevocationRegistry registry, long? lastEventId)
    {
        // Proxies must neither cache nor buffer the stream.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var events = EventStream.ReadAsync(
            registry.Events,
            registry.Publisher.Uris,
            registry.Options.HeartbeatInterval,
            registry.Time,
            registry.Logger,
            lastEventId,
            end.Token);
        try
        {
            await TypedResults.ServerSentEvents(events).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            // The client left or the host is stopping: the stream simply ends; the client resumes with Last-Event-ID.
        }
    }

    /// <summary>RFC 9110 §13.1.2: weak comparison; <c>*</c> matches any current representation.</summary>
    private static bool NoneMatch(HttpRequest request, string etag)
    {
        var values = request.Headers.IfNoneMatch;
        if (values.Count == 0 || !EntityTagHeaderValue.TryParseList(values, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
