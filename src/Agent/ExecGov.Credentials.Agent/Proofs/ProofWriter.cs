using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Proofs;

namespace ExecGov.Credentials.Agent.Proofs;

/// <summary>
/// Makes holder proofs: a fresh JWT per request, signed by the agent's own key, with <c>typ: dpop+jwt</c>
/// and the agent's public JWK in the header (RFC 9449 §4.2).
/// </summary>
public static class ProofWriter
{
    /// <summary>
    /// Creates a proof for one request. <paramref name="uri"/> loses any query and fragment, as RFC 9449
    /// §4.2 says of <c>htu</c> (<see cref="ProofTarget.Normalize"/>).
    /// </summary>
    /// <param name="holderKey">The agent's key, which signs.</param>
    /// <param name="publicKey">Its 32-byte public key, written as the header's <c>jwk</c>.</param>
    /// <param name="method">The request's method (<c>htm</c>).</param>
    /// <param name="uri">The request's absolute URL (<c>htu</c>).</param>
    /// <param name="credential">The credential presented with the proof (its hash is <c>ath</c>).</param>
    /// <param name="now">The current time (<c>iat</c>).</param>
    /// <param name="nonce">A server-provided nonce, if any.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the public key is not 32 bytes.</exception>
    public static string Create(IJwsSigner holderKey, ReadOnlySpan<byte> publicKey, string method, Uri uri, string credential, DateTimeOffset now, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(holderKey);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrEmpty(credential);
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key is exactly 32 bytes.", nameof(publicKey));
        }

        var claims = new ProofClaims
        {
            Id = Guid.NewGuid().ToString("N"),
            Method = method,
            Uri = ProofTarget.Normalize(uri),
            IssuedAt = now.ToUnixTimeSeconds(),
            CredentialHash = CredentialHash.Compute(credential),
            Nonce = nonce,
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, CredentialJsonContext.Default.ProofClaims);
        return CompactJwsWriter.Sign(payload, TokenTypes.Proof, holderKey, publicKey);
    }
}
