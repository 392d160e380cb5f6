using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Crypto;
using System.Net.Http.Json;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;

namespace ExecGov.Credentials.Propagation;

/// <summary>The verifier endpoint's <c>POST /v1/verify</c>, with a fresh holder proof on every call, as a target service would call it.</summary>
internal sealed class VerifierApi(HttpClient http, Ed25519SigningKey agentKey)
{
    private static readonly Uri Target = new("https://payments.example/v1/invoices/2026-118");

    /// <summary>Answers the decision's reason code (<c>allowed</c>, <c>revoked</c>, …).</summary>
    public async Task<string> VerifyAsync(string credential, CancellationToken cancellationToken)
    {
        var proof = ProofWriter.Create(agentKey, agentKey.PublicKeyBytes.Span, "GET", Target, credential, DateTimeOffset.UtcNow);
        using var response = await http.PostAsJsonAsync(new Uri("/v1/verify", UriKind.Relative), new
        {
            credential,
            proof,
            method = "GET",
            url = Target.AbsoluteUri,
            action = IssuerApi.Action,
            resource = IssuerApi.Resource,
        }, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/v1/verify answered {(int)response.StatusCode}: {text}");
        }

        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("reason").GetString() ?? "";
    }

    /// <summary>Whether the endpoint is subscribed to the issuer's event stream (its <c>/healthz</c>).</summary>
    public async Task<bool> StreamConnectedAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return body.RootElement.GetProperty("issuers")[0].GetProperty("status").GetProperty("stream_connected").GetBoolean();
    }
}
