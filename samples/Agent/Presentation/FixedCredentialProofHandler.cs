using System.Net.Http.Headers;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Agent.Proofs;

namespace ExecGov.Samples.Agent.Presentation;

/// <summary>
/// Presents one given credential (read from a file) with a fresh proof per request, signed by the agent's key for
/// exactly that request's method and URL. The SDK's <see cref="ExecGovProofHandler"/> does the same with credentials
/// it requests and renews itself; this is for a credential an admin issued and handed over.
/// </summary>
internal sealed class FixedCredentialProofHandler(AgentKey key, string credential, TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri ?? throw new InvalidOperationException("The request has no URL.");
        request.Headers.Authorization = new AuthenticationHeaderValue(ExecGovProofHandler.Scheme, credential);
        request.Headers.Remove(ExecGovProofHandler.Scheme);
        request.Headers.TryAddWithoutValidation(ExecGovProofHandler.Scheme, key.CreateProof(request.Method.Method, target, credential, time.GetUtcNow()));
        return base.SendAsync(request, cancellationToken);
    }
}
