using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;

namespace ExecGov.Credentials.Signing.Credentials;

/// <summary>
/// Signs credentials: a JWS compact token with header <c>{"alg":"EdDSA","typ":"execgov-credential+jwt","kid":…}</c>,
/// encoded by the one <see cref="CompactJwsWriter"/>.
/// </summary>
public static class CredentialWriter
{
    /// <summary>Signs <paramref name="claims"/> with <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The claims are inconsistent (empty ids, <c>exp</c> not after <c>nbf</c>).</exception>
    public static string Sign(CredentialClaims claims, IJwsSigner key)
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

        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, CredentialJsonContext.Default.CredentialClaims);
        return CompactJwsWriter.Sign(payload, TokenTypes.Credential, key);
    }

    /// <summary>Signs a raw JSON payload with an explicit <c>typ</c>; for tests and tools that need a token of another shape.</summary>
    /// <exception cref="ArgumentException">The payload or type is empty.</exception>
    public static string SignPayload(string payloadJson, string type, IJwsSigner key)
    {
        ArgumentException.ThrowIfNullOrEmpty(payloadJson);
        return CompactJwsWriter.Sign(Encoding.UTF8.GetBytes(payloadJson), type, key);
    }
}
