using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ExecGov.Credentials.Assertions;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;

namespace ExecGov.Credentials.Agent.Assertions;

/// <summary>
/// Makes agent assertions: header <c>{"alg":"EdDSA","typ":"execgov-assertion+jwt","kid":&lt;RFC 7638
/// thumbprint of the agent key&gt;}</c>, claims <c>iss</c> = <c>sub</c> = agent id, <c>aud</c> = issuer,
/// <c>iat</c>, <c>exp</c> (at most 60 s later) and a random <c>jti</c>. One assertion per request to the issuer.
/// </summary>
public static class AgentAssertionWriter
{
    /// <summary>The lifetime used when none is given: 30 seconds.</summary>
    public const int DefaultLifetimeSeconds = 30;

    /// <summary>Signs an assertion for <paramref name="agentId"/> addressed to <paramref name="issuer"/>.</summary>
    /// <param name="agentKey">The agent's registered key, which signs. Its <c>kid</c> must be its thumbprint.</param>
    /// <param name="publicKey">Its 32-byte public key, to check that thumbprint.</param>
    /// <param name="agentId">The agent id the issuer registered.</param>
    /// <param name="issuer">The issuer's identifier (the <c>iss</c> of its credentials).</param>
    /// <param name="now">The current time.</param>
    /// <param name="lifetime">How long it is valid: 1 to 60 seconds; default 30 seconds.</param>
    /// <exception cref="ArgumentException">An id is empty, the lifetime is out of range, or the key's id is not its thumbprint.</exception>
    public static string Create(IJwsSigner agentKey, ReadOnlySpan<byte> publicKey, string agentId, string issuer, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(agentKey);
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        var seconds = (long)(lifetime ?? TimeSpan.FromSeconds(DefaultLifetimeSeconds)).TotalSeconds;
        if (seconds is < 1 or > AgentAssertionClaims.MaxLifetimeSeconds)
        {
            throw new ArgumentException($"An agent assertion lives 1 to {AgentAssertionClaims.MaxLifetimeSeconds} seconds.", nameof(lifetime));
        }

        // The issuer finds the registered key by kid; a key whose id is something else would never match.
        if (publicKey.Length != 32 || !string.Equals(agentKey.KeyId, Jwk.Ed25519Thumbprint(publicKey), StringComparison.Ordinal))
        {
            throw new ArgumentException("The agent key's kid must be its RFC 7638 thumbprint.", nameof(agentKey));
        }

        var iat = now.ToUnixTimeSeconds();
        var claims = new AgentAssertionClaims
        {
            Issuer = agentId,
            Subject = agentId,
            Audience = issuer,
            IssuedAt = iat,
            Expires = iat + seconds,
            Id = NewId(),
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, AgentAssertionJsonContext.Default.AgentAssertionClaims);
        return CompactJwsWriter.Sign(payload, TokenTypes.AgentAssertion, agentKey);
    }

    private static string NewId()
    {
        // 128 random bits: unguessable, so nobody can burn an agent's future ids in the issuer's replay memory.
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Base64Url.EncodeToString(random);
    }
}
