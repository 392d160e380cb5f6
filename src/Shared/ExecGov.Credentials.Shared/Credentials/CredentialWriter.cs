using System.Text.Json;
using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// Signs credentials: a JWS compact token with header <c>{"alg":"EdDSA","typ":"execgov-credential+jwt","kid":…}</c>.
/// Signing goes through IdentityModel's <see cref="JsonWebTokenHandler"/> with the NSec-backed provider.
/// </summary>
public static class CredentialWriter
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs <paramref name="claims"/> with <paramref name="key"/>, which must hold a private key.</summary>
    /// <exception cref="ArgumentException">The claims are inconsistent (empty ids, <c>exp</c> not after <c>nbf</c>).</exception>
    public static string Sign(CredentialClaims claims, Ed25519SecurityKey key)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(claims.CredentialId) || string.IsNullOrEmpty(claims.SessionId) ||
            string.IsNullOrEmpty(claims.Subject) || string.IsNullOrEmpty(claims.Issuer) || claims.Audience.Count == 0)
        {
            throw new ArgumentException("A credential needs iss, sub, aud, jti and sid.", nameof(claims));
        }

        if (claims.Expires <= claims.NotBefore)
        {
            throw new ArgumentException("A credential's exp must come after its nbf.", nameof(claims));
        }

        var payload = JsonSerializer.Serialize(claims, CredentialJsonContext.Default.CredentialClaims);
        return SignPayload(payload, TokenTypes.Credential, key, extraHeader: null);
    }

    /// <summary>Signs a raw JSON payload with an explicit <c>typ</c>; for the other token kinds of this project.</summary>
    public static string SignPayload(string payloadJson, string type, Ed25519SecurityKey key, IDictionary<string, object>? extraHeader)
    {
        ArgumentException.ThrowIfNullOrEmpty(payloadJson);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        var header = new Dictionary<string, object>(StringComparer.Ordinal) { [JwtHeaderParameterNames.Typ] = type };
        if (extraHeader is not null)
        {
            foreach (var (name, value) in extraHeader)
            {
                header[name] = value;
            }
        }

        return Handler.CreateToken(payloadJson, EdDsa.SigningCredentials(key), header);
    }
}
