using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Assertions;
using ExecGov.Credentials.Crypto;

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
            !TryDecode(assertion.AsSpan(0, first), CredentialJsonContext.Default.JoseHeader, out var header) ||
            !TryDecode(assertion.AsSpan(first + 1, second - first - 1), AgentAssertionJsonContext.Default.AgentAssertionClaims, out var claims) ||
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
            !TryDecode(assertion.AsSpan(0, first), CredentialJsonContext.Default.JoseHeader, out var header))
        {
            return Fail(AgentAssertionError.Malformed);
        }

        // RFC 8725 §3.11 explicit typing and §3.1 a pinned algorithm, before the signature is looked at.
        if (!TokenTypeMatch.Matches(header!.Type, TokenTypes.AgentAssertion))
        {
            return Fail(AgentAssertionError.WrongType);
        }

        // RFC 8725 §3.10: the key comes from the registry, never from the token.
        if (!string.Equals(header.Algorithm, EdDsa.Algorithm, StringComparison.Ordinal) ||
            header.Critical is not null || header.Base64Payload is not null || header.Compression is not null || header.Jwk is not null ||
            HasMember(assertion.AsSpan(0, first), "jku", "x5u", "x5c"))
        {
            return Fail(AgentAssertionError.WrongAlgorithm);
        }

        if (!string.Equals(header.KeyId, registeredKey.Thumbprint, StringComparison.Ordinal))
        {
            return Fail(AgentAssertionError.KeyMismatch);
        }

        Span<byte> signature = stackalloc byte[64];
        if (!Base64UrlStrict.TryDecode(assertion.AsSpan(second + 1), signature, out var written) || written != 64 ||
            !registeredKey.Verify(Encoding.ASCII.GetBytes(assertion![..second]), signature))
        {
            return Fail(AgentAssertionError.BadSignature);
        }

        if (!TryDecode(assertion.AsSpan(first + 1, second - first - 1), AgentAssertionJsonContext.Default.AgentAssertionClaims, out var claims))
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

    private static bool TrySplit([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token, out int first, out int second)
    {
        first = second = -1;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return false;
        }

        // Exactly three non-empty segments of the unpadded base64url alphabet: no padding, no white space.
        first = token.IndexOf('.', StringComparison.Ordinal);
        second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        return first > 0 && second > first + 1 && second < token.Length - 1 &&
               Base64UrlStrict.IsAlphabet(token.AsSpan(0, first)) &&
               Base64UrlStrict.IsAlphabet(token.AsSpan(first + 1, second - first - 1)) &&
               Base64UrlStrict.IsAlphabet(token.AsSpan(second + 1));
    }

    private static bool TryDecode<T>(ReadOnlySpan<char> segment, JsonTypeInfo<T> typeInfo, out T? value)
        where T : class
    {
        value = null;
        var buffer = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        try
        {
            if (!Base64UrlStrict.TryDecode(segment, buffer, out var written))
            {
                return false;
            }

            value = JsonSerializer.Deserialize(buffer.AsSpan(0, written), typeInfo);
            return value is not null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static bool HasMember(ReadOnlySpan<char> headerSegment, params ReadOnlySpan<string> names)
    {
        var buffer = new byte[Base64Url.GetMaxDecodedLength(headerSegment.Length)];
        if (!Base64UrlStrict.TryDecode(headerSegment, buffer, out var written))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, written));
            foreach (var name in names)
            {
                if (document.RootElement.TryGetProperty(name, out _))
                {
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
