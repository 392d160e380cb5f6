using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ExecGov.Credentials.Proofs;

/// <summary>
/// Makes holder proofs: a fresh JWT per request, signed by the agent's own key, with <c>typ: dpop+jwt</c>
/// and the agent's public JWK in the header (RFC 9449 §4.2).
/// </summary>
public static class ProofWriter
{
    /// <summary>
    /// Creates a proof for one request. <paramref name="uri"/> loses any query and fragment, as RFC 9449
    /// §4.2 says of <c>htu</c>.
    /// </summary>
    public static string Create(Ed25519SecurityKey agentKey, string method, Uri uri, string credential, DateTimeOffset now, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(agentKey);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrEmpty(credential);
        var claims = new ProofClaims
        {
            Id = Guid.NewGuid().ToString("N"),
            Method = method,
            Uri = NormalizeTarget(uri),
            IssuedAt = now.ToUnixTimeSeconds(),
            CredentialHash = CredentialHash.Compute(credential),
            Nonce = nonce,
        };
        var payload = JsonSerializer.Serialize(claims, CredentialJsonContext.Default.ProofClaims);
        var jwk = agentKey.ToPublicJwk();
        var header = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtHeaderParameterNames.Jwk] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["kty"] = jwk.Kty,
                ["crv"] = jwk.Crv,
                ["x"] = jwk.X,
            },
        };
        return CredentialWriter.SignPayload(payload, TokenTypes.Proof, agentKey, header);
    }

    /// <summary>The <c>htu</c> form of a URI: scheme, host, port and path; no query, no fragment.</summary>
    public static string NormalizeTarget(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
