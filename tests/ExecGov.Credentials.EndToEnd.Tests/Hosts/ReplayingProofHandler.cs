using System.Net.Http.Headers;
using ExecGov.Credentials.Agent.Keys;

namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>
/// Presents a credential with a fresh proof per request, like the agent SDK, and remembers the last proof sent; with
/// <see cref="ReplayLastProof"/> set it sends that proof again instead, as an attacker who captured a request would.
/// </summary>
internal sealed class ReplayingProofHandler(AgentKey key, string credential) : DelegatingHandler(new SocketsHttpHandler())
{
    public string? LastProof { get; private set; }

    public bool ReplayLastProof { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var proof = ReplayLastProof && LastProof is not null
            ? LastProof
            : key.CreateProof(request.Method.Method, request.RequestUri!, credential, DateTimeOffset.UtcNow);
        LastProof = proof;
        request.Headers.Authorization = new AuthenticationHeaderValue("DPoP", credential);
        request.Headers.Remove("DPoP");
        request.Headers.TryAddWithoutValidation("DPoP", proof);
        return base.SendAsync(request, cancellationToken);
    }
}
