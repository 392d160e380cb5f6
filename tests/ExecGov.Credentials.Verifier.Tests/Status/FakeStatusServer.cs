using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>
/// An issuer's status endpoints behind an <see cref="HttpMessageHandler"/>: status list tokens with ETags and
/// If-None-Match, an event stream answered from a canned body, a metadata document, and a record of every request.
/// </summary>
internal sealed class FakeStatusServer : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Served> _lists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public string? EventStream { get; set; }

    public HttpStatusCode EventStreamStatus { get; set; } = HttpStatusCode.OK;

    public string? Metadata { get; set; }

    public string? Jwks { get; set; }

    /// <summary>While set, list responses wait for it (to hold fetches in flight).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public ConcurrentQueue<string?> LastEventIds { get; } = new();

    public ConcurrentQueue<string?> IfNoneMatch { get; } = new();

    public int Requests(string uri) => _requests.TryGetValue(uri, out var count) ? count : 0;

    public int TotalRequests => _requests.Values.Sum();

    public void Serve(string uri, string token, long? version, HttpStatusCode status = HttpStatusCode.OK) =>
        _lists[uri] = new Served(token, version is { } v ? "\"" + v.ToString(CultureInfo.InvariantCulture) + "\"" : null, status);

    public void Fail(string uri, HttpStatusCode status) => _lists[uri] = new Served(string.Empty, null, status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.AbsoluteUri;
        _requests.AddOrUpdate(uri, 1, (_, n) => n + 1);
        if (uri.EndsWith("/events", StringComparison.Ordinal))
        {
            LastEventIds.Enqueue(request.Headers.TryGetValues("Last-Event-ID", out var ids) ? ids.Single() : null);
            var sse = new HttpResponseMessage(EventStreamStatus) { Content = new StringContent(EventStream ?? string.Empty, Encoding.UTF8) };
            sse.Content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return sse;
        }

        if (uri.EndsWith("/.well-known/execgov-issuer", StringComparison.Ordinal))
        {
            return Metadata is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : Json(Metadata);
        }

        if (uri.EndsWith("/.well-known/jwks.json", StringComparison.Ordinal))
        {
            return Jwks is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : Json(Jwks);
        }

        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var ifNoneMatch = request.Headers.TryGetValues("If-None-Match", out var tags) ? tags.Single() : null;
        IfNoneMatch.Enqueue(ifNoneMatch);
        if (!_lists.TryGetValue(uri, out var served))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (served.Status != HttpStatusCode.OK)
        {
            return new HttpResponseMessage(served.Status);
        }

        if (served.ETag is not null && ifNoneMatch == served.ETag)
        {
            return new HttpResponseMessage(HttpStatusCode.NotModified);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(served.Token, Encoding.ASCII) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/statuslist+jwt");
        if (served.ETag is not null)
        {
            response.Headers.ETag = new EntityTagHeaderValue(served.ETag);
        }

        return response;
    }

    private static HttpResponseMessage Json(string body)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }

    private sealed record Served(string Token, string? ETag, HttpStatusCode Status);
}
