using System.Net.Http.Headers;
using ExecGov.Credentials.Agent.Credentials;

namespace ExecGov.Credentials.Agent.Proofs;

/// <summary>
/// Presents the agent's credential on every outgoing request with a proof signed for exactly that request:
/// <c>Authorization: DPoP &lt;credential&gt;</c> and <c>DPoP: &lt;proof&gt;</c> (RFC 9449 §7.1), the proof's
/// <c>htm</c>/<c>htu</c> taken from the request's own method and URL (query and fragment dropped), a fresh
/// <c>jti</c> each time. Place it closest to the network (after any retry handler), so a retried request gets a
/// new proof instead of a replayed one. When no credential can be obtained the request is not sent and
/// <see cref="AgentCredentialException"/> is thrown.
/// </summary>
public sealed class ExecGovProofHandler : DelegatingHandler
{
    /// <summary>The HTTP authentication scheme and proof header name (RFC 9449).</summary>
    public const string Scheme = "DPoP";

    private readonly AgentCredentialProvider _credentials;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/>, or let IHttpClientFactory do it.</summary>
    public ExecGovProofHandler(AgentCredentialProvider credentials)
        : this(credentials, TimeProvider.System)
    {
    }

    /// <summary>Creates the handler with a clock for the proofs' <c>iat</c>; set <see cref="DelegatingHandler.InnerHandler"/>, or let IHttpClientFactory do it.</summary>
    public ExecGovProofHandler(AgentCredentialProvider credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        _credentials = credentials;
        _time = time;
    }

    /// <summary>Creates the handler in front of <paramref name="innerHandler"/>, e.g. <c>new SocketsHttpHandler()</c>.</summary>
    public ExecGovProofHandler(AgentCredentialProvider credentials, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _time = TimeProvider.System;
    }

    /// <inheritdoc />
    /// <exception cref="AgentCredentialException">No credential could be obtained; the request was not sent.</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } target)
        {
            throw new InvalidOperationException("The request has no absolute URL to sign a proof for; set HttpClient.BaseAddress or use absolute URLs.");
        }

        var result = await _credentials.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new AgentCredentialException(result);
        }

        var credential = result.Credential.Credential;
        request.Headers.Authorization = new AuthenticationHeaderValue(Scheme, credential);
        request.Headers.Remove(Scheme);
        request.Headers.TryAddWithoutValidation(Scheme, _credentials.Key.CreateProof(request.Method.Method, target, credential, _time.GetUtcNow()));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Synchronous sends are refused: obtaining a credential may take network round trips (and a human approval).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("ExecGovProofHandler signs proofs on the asynchronous path only; use SendAsync/GetAsync/PostAsync.");
}
