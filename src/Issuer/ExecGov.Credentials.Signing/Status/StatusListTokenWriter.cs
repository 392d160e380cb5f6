using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Signing.Status;

/// <summary>
/// Signs status list tokens: JWS compact, header <c>{"alg":"EdDSA","typ":"statuslist+jwt","kid":…}</c>
/// (draft-ietf-oauth-status-list §5.1), encoded by the one <see cref="CompactJwsWriter"/>.
/// </summary>
public static class StatusListTokenWriter
{
    /// <summary>Signs <paramref name="claims"/> with <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The claims are inconsistent (no <c>sub</c>, bad <c>bits</c>, empty <c>lst</c>, <c>exp</c> not after <c>iat</c>, non-positive <c>ttl</c>).</exception>
    public static string Sign(StatusListTokenClaims claims, IJwsSigner key)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(claims.Subject) || claims.IssuedAt <= 0 ||
            claims.StatusList.Bits is not (1 or 2 or 4 or 8) || string.IsNullOrEmpty(claims.StatusList.List))
        {
            throw new ArgumentException("A status list token needs sub, iat, and status_list with bits 1, 2, 4 or 8 and a non-empty lst.", nameof(claims));
        }

        if (claims.Expires is { } exp && exp <= claims.IssuedAt)
        {
            throw new ArgumentException("A status list token's exp must come after its iat.", nameof(claims));
        }

        if (claims.TimeToLive is <= 0)
        {
            throw new ArgumentException("A status list token's ttl must be positive.", nameof(claims));
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, StatusListJsonContext.Default.StatusListTokenClaims);
        return CompactJwsWriter.Sign(payload, TokenTypes.StatusList, key);
    }

    /// <summary>Encodes <paramref name="list"/> and signs it as the list published at <paramref name="uri"/>.</summary>
    public static string Sign(StatusList list, string uri, DateTimeOffset issuedAt, TimeSpan lifetime, TimeSpan timeToLive, IJwsSigner key, long? version = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var iat = issuedAt.ToUnixTimeSeconds();
        return Sign(new StatusListTokenClaims
        {
            Subject = uri,
            IssuedAt = iat,
            Expires = iat + (long)lifetime.TotalSeconds,
            TimeToLive = (long)timeToLive.TotalSeconds,
            Version = version,
            StatusList = new StatusListClaim { Bits = list.Bits, List = list.Encode() },
        }, key);
    }
}
