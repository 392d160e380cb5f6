namespace ExecGov.Credentials.Verifier.Integration.Tests.Mcp;

/// <summary>
/// Sits between the agent SDK's proof handler and the network: remembers the proof of the last POST and, when
/// told to, sends a remembered proof instead of the fresh one (a replay, as an attacker who captured it would).
/// </summary>
internal sealed class ProofOverrideHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public string? LastProof { get; private set; }

    public string? Override { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
        {
            if (Override is { } proof)
            {
                request.Headers.Remove("DPoP");
                request.Headers.TryAddWithoutValidation("DPoP", proof);
            }
            else if (request.Headers.TryGetValues("DPoP", out var proofs))
            {
                LastProof = proofs.Single();
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
