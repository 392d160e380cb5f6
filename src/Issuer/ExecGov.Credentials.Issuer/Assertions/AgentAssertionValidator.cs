using System.Text;
using ExecGov.Credentials.Assertions;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;

namespace ExecGov.Credentials.Issuer.Assertions;

/// <summary>
/// Validates agent assertions for the issuer, as a straight checklist: size → structure → header (typ, alg,
/// no key-pointing or critical members) → kid = registered key's thumbprint → signature → iss = sub = agent →
/// aud → iat/exp with skew → lifetime ≤ 60 s → jti. Bad input never throws; it is an error code. The caller
/// still refuses a replayed <c>jti</c> (remember it until <see cref="AgentAssertionResult.RememberIdUntil"/>).
/// </summary>
public static class AgentAssertionValidator
{
    /// <summary>The longest assertion read, in characters.</summary>
    public const int MaxLength = 4096;

    private const int MaxIdLength = 128;

    /// <summary>
    /// Reads, WITHOUT verifying anything, the agent id (<c>sub</c>) and <c>kid</c> of an assertion, so the
    /// issuer can look up the registered key to pass to <see cref="Validate"/>. Trust nothing else from it.
    /// </summary>
    public static bool TryReadAgentId(string? assertion, out string agentId, out string keyId)
    {
        agentId = string.Empty;
        keyId = string.Empty;
        if (!TrySplit(assertion, out var first, out var second) ||
            !CompactJws.TryDecodeHeader(assertion.AsSpan(0, first), out var header) ||
            !CompactJws.TryDecodeJson(assertion.AsSpan(first + 1, second - first - 1), AgentAssertionJsonContext.Default.AgentAssertionClaims, out var claims) ||
            string.IsNullOrEmpty(claims!.Subject) || string.IsNullOrEmpty(header!.KeyId))
        {
            return false;
        }

        agentId = claims.Subject;
        keyId = header.KeyId;
        return true;
    }

    /// <summary>Validates <paramref name="assertion"/> as coming from <paramref name="agentId"/> holding <paramref name="registeredKey"/>.</summary>
    /// <param name="assertion">The compact JWS the agent sent.</param>
    /// <param name="agentId">The agent whose registered key is given.</param>
    /// <param name="registeredKey">The agent's registered public key.</param>
    /// <param name="issuer">This issuer's identifier, the expected <c>aud</c>.</param>
    /// <param name="now">The current time.</param>
    /// <param name="clockSkew">Tolerated skew on <c>iat</c> and <c>exp</c>; default 30 s, at most 5 minutes.</param>
    /// <exception cref="ArgumentException">A caller's bug: empty ids or a skew out of range.</exception>
    public static AgentAssertionResult Validate(string? assertion, string agentId, Ed25519SecurityKey registeredKey, string issuer, DateTimeOffset now, TimeSpan? clockSkew = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(registeredKey);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        var skew = clockSkew ?? TimeSpan.FromSeconds(30);
        if (skew < TimeSpan.Zero || skew > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("The clock skew must lie between 0 and 5 minutes.", nameof(clockSkew));
        }

        // Size and structure before any decoding (RFC 8725 §3.4).
        if (!TrySplit(assertion, out var first, out var second) ||
            !CompactJws.TryDecodeHeader(assertion.AsSpan(0, first), out var header))
        {
            return Fail(AgentAssertionError.Malformed);
        }

        // The assertion's row of the one header table: pinned alg and explicit typ before the signature is looked at,
        // and (RFC 8725 §3.10) no key from the token: jku, x5u, x5c and jwk are refused, the key is the registered one.
        switch (JoseHeaderRules.Check(header!, TokenKind.AgentAssertion))
        {
            case HeaderVerdict.Valid:
                break;
            case HeaderVerdict.TypMismatch:
                return Fail(AgentAssertionError.WrongType);
            case HeaderVerdict.KeyMissing:
                return Fail(AgentAssertionError.KeyMismatch);
            default:
                return Fail(AgentAssertionError.WrongAlgorithm);
        }

        if (!string.Equals(header!.KeyId, registeredKey.Thumbprint, StringComparison.Ordinal))
        {
            return Fail(AgentAssertionError.KeyMismatch);
        }

        Span<byte> signature = stackalloc byte[CompactJws.SignatureLength];
        if (!CompactJws.TryDecodeSignature(assertion.AsSpan(second + 1), signature) ||
            !registeredKey.Verify(Encoding.ASCII.GetBytes(assertion![..second]), signature))
        {
            return Fail(AgentAssertionError.BadSignature);
        }

        if (!CompactJws.TryDecodeJson(assertion.AsSpan(first + 1, second - first - 1), AgentAssertionJsonContext.Default.AgentAssertionClaims, out var claims))
        {
            return Fail(AgentAssertionError.Malformed);
        }

        if (!string.Equals(claims!.Issuer, claims.Subject, StringComparison.Ordinal) ||
            !string.Equals(claims.Subject, agentId, StringComparison.Ordinal))
        {
            return Fail(AgentAssertionError.WrongAgent);
        }

        if (!string.Equals(claims.Audience, issuer, StringComparison.Ordinal))
        {
            return Fail(AgentAssertionError.AudienceMismatch);
        }

        var seconds = now.ToUnixTimeSeconds();
        var skewSeconds = (long)skew.TotalSeconds;
        if (claims.IssuedAt > seconds + skewSeconds)
        {
            return Fail(AgentAssertionError.NotYetValid);
        }

        if (claims.Expires <= seconds - skewSeconds)
        {
            return Fail(AgentAssertionError.Expired);
        }

        if (claims.Expires <= claims.IssuedAt || claims.Expires - claims.IssuedAt > AgentAssertionClaims.MaxLifetimeSeconds)
        {
            return Fail(AgentAssertionError.LifetimeTooLong);
        }

        if (claims.Id.Length is 0 or > MaxIdLength)
        {
            return Fail(AgentAssertionError.BadId);
        }

        return new AgentAssertionResult(AgentAssertionError.None, claims)
        {
            RememberIdUntil = DateTimeOffset.FromUnixTimeSeconds(claims.Expires + skewSeconds),
        };
    }

    private static AgentAssertionResult Fail(AgentAssertionError error) => new(error, null);

    /// <summary>Bounded in size, then split by the one compact-JWS reader.</summary>
    private static bool TrySplit([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token, out int first, out int second)
    {
        first = second = -1;
        return !string.IsNullOrEmpty(token) && token.Length <= MaxLength && CompactJws.TrySplit(token, out first, out second);
    }
}
