using System.Text;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Keys;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// Checks a fetched status list token the way docs/revocation.md §2 requires, as a straight list of early returns
/// (RFC 8725 order: size → structure → header → key → signature → claims): <c>typ</c> <c>statuslist+jwt</c>,
/// <c>alg</c> <c>EdDSA</c>, no <c>crit</c>, a <c>kid</c> that is a current key of the issuer, a valid signature,
/// <c>sub</c> equal to the URI fetched, <c>exp</c> not passed, <c>bits</c> 1, 2, 4 or 8, and a list that inflates to
/// at most the configured size. Roll-back is judged by the caller against what it holds. Never throws for bad input.
/// </summary>
internal static class StatusListTokenValidator
{
    // DateTimeOffset cannot represent later times; an exp beyond it is as good as none.
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static async ValueTask<(StatusListTokenCheck Check, StatusListSnapshot? Snapshot)> ValidateAsync(
        string token, string uri, string issuer, IIssuerKeySource keys, DateTimeOffset now, StatusListOptions options, CancellationToken cancellationToken)
    {
        if (token.Length > options.MaxTokenBytes)
        {
            return (StatusListTokenCheck.TooLarge, null);
        }

        if (!CompactJws.TrySplit(token, out var firstDot, out var secondDot) || !CompactJws.TryDecodeHeader(token.AsSpan(0, firstDot), out var header))
        {
            return (StatusListTokenCheck.Malformed, null);
        }

        // alg, typ, crit, encoding and kid: the status list's row of the one header table (RFC 8725 order); explicit
        // typing keeps a credential or any other token signed by the issuer from passing for a list.
        switch (JoseHeaderRules.Check(header!, TokenKind.StatusList))
        {
            case HeaderVerdict.Valid:
                break;
            case HeaderVerdict.AlgNotAllowed:
                return (StatusListTokenCheck.AlgNotAllowed, null);
            case HeaderVerdict.TypMismatch:
                return (StatusListTokenCheck.TypMismatch, null);
            case HeaderVerdict.CritUnsupported:
                return (StatusListTokenCheck.CritUnsupported, null);
            case HeaderVerdict.KeyMissing:
                return (StatusListTokenCheck.UnknownKey, null);
            default:
                return (StatusListTokenCheck.Malformed, null);
        }

        // RFC 8725 §3.10: the key comes from the issuer's JWKS by kid, never from jku/x5u/jwk in the token.
        if (await keys.GetKeyAsync(issuer, header!.KeyId!, cancellationToken).ConfigureAwait(false) is not { } key)
        {
            return (StatusListTokenCheck.UnknownKey, null);
        }

        if (!VerifySignature(token, secondDot, key))
        {
            return (StatusListTokenCheck.SignatureInvalid, null);
        }

        if (!CompactJws.TryDecodeJson(token.AsSpan(firstDot + 1, secondDot - firstDot - 1), StatusListJsonContext.Default.StatusListTokenClaims, out var claims) ||
            claims!.IssuedAt <= 0 || claims.Version < 0 || claims.TimeToLive <= 0)
        {
            return (StatusListTokenCheck.Malformed, null);
        }

        // The list must be the one asked for, or an issuer's list A could be served as list B.
        if (!string.Equals(claims.Subject, uri, StringComparison.Ordinal))
        {
            return (StatusListTokenCheck.SubjectMismatch, null);
        }

        if (claims.Expires is { } exp && exp <= now.ToUnixTimeSeconds())
        {
            return (StatusListTokenCheck.Expired, null);
        }

        // The draft allows 1, 2, 4 or 8 bits; TryDecode stops inflating at MaxListBytes (compression bombs).
        if (!StatusList.TryDecode(claims.StatusList.List, claims.StatusList.Bits, options.MaxListBytes, out var list))
        {
            return (StatusListTokenCheck.BadStatusList, null);
        }

        var ttl = claims.TimeToLive is { } seconds
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 1, (long)TimeSpan.FromHours(1).TotalSeconds))
            : options.DefaultTimeToLive;
        return (StatusListTokenCheck.Valid, new StatusListSnapshot
        {
            List = list!,
            Version = claims.Version,
            IssuedAt = claims.IssuedAt,
            ExpiresAt = claims.Expires is { } e && e < MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(e) : null,
            TimeToLive = ttl,
            ETag = null,
            ConfirmedAt = now,
            SignedAt = now,
        });
    }

    private static bool VerifySignature(string token, int secondDot, Ed25519SecurityKey key)
    {
        Span<byte> signature = stackalloc byte[CompactJws.SignatureLength];
        if (!CompactJws.TryDecodeSignature(token.AsSpan(secondDot + 1), signature))
        {
            return false;
        }

        // A status list token can be megabytes: never on the stack.
        var input = Encoding.ASCII.GetBytes(token, 0, secondDot);
        return key.Verify(input, signature);
    }
}
