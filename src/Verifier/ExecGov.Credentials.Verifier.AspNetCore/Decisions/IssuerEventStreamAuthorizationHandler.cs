using System.Net;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// On the status source's named <see cref="HttpClient"/>: adds the verifier token to the event-stream request to
/// the shipper's issuer (see <see cref="IssuerEventStreamToken"/>) and passes every other request through untouched.
/// </summary>
internal sealed class IssuerEventStreamAuthorizationHandler(IssuerEventStreamToken token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!token.Applies(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await token.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && request.Headers.Authorization is not null)
        {
            token.Refused();
        }

        return response;
    }
}
