using System.Collections.Concurrent;
using System.Net;

namespace ExecGov.Credentials.Agent.Tests;

/// <summary>Records each request's method, URL and headers; forwards to an inner handler, or answers 200 when there is none.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler(HttpMessageHandler? inner = null)
    {
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Authorization?.Scheme,
            request.Headers.Authorization?.Parameter,
            request.Headers.TryGetValues("DPoP", out var proofs) ? [.. proofs] : []));
        return InnerHandler is null
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request })
            : base.SendAsync(request, cancellationToken);
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, string? Scheme, string? Parameter, IReadOnlyList<string> Proofs);
