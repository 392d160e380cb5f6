using System.Text;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Jose;

namespace ExecGov.Credentials.Verifier;

/// <summary>The credential's header, issuer, key and signature.</summary>
public sealed partial class CredentialVerifier
{
    private async ValueTask<(ReasonCode Reason, VerifiedCredential? Credential)> VerifySignedTokenAsync(
        string token, int firstDot, int secondDot, CancellationToken cancellationToken)
    {
        // A header seen on a credential that verified needs no second look: its checks depend on its text alone.
        var headerKnown = _credentialHeaders.TryGet(token.AsSpan(0, firstDot), out var keyId);
        if (!headerKnown)
        {
            var headerReason = CheckCredentialHeader(token.AsSpan(0, firstDot), out keyId);
            if (headerReason != ReasonCode.Allowed)
            {
                return (headerReason, null);
            }
        }

        // The payload is parsed before the signature is checked only to learn iss; nothing in it is trusted
        // until the signature verifies with a key of that issuer.
        if (!CompactJws.TryDecode<CredentialClaims>(token.AsSpan(firstDot + 1, secondDot - firstDot - 1), CredentialClaimsReader.TryRead, out var claims) ||
            !IsWellFormed(claims!))
        {
            return (ReasonCode.Malformed, null);
        }

        // RFC 8725 §3.8: only configured issuers, each with only its own keys. The token's jku, x5u and
        // jwk headers are never consulted (§3.10).
        if (!_keys.IsTrusted(claims!.Issuer))
        {
            return (ReasonCode.IssuerUntrusted, null);
        }

        var key = await _keys.GetKeyAsync(claims.Issuer, keyId!, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return (ReasonCode.UnknownKey, null);
        }

        Span<byte> signature = stackalloc byte[CompactJws.SignatureLength];
        if (!CompactJws.TryDecodeSignature(token.AsSpan(secondDot + 1), signature))
        {
            return (ReasonCode.SignatureInvalid, null);
        }

        var bytes = secondDot <= 4096 ? stackalloc byte[secondDot] : new byte[secondDot];
        Encoding.ASCII.GetBytes(token.AsSpan(0, secondDot), bytes);
        if (!key.Verify(bytes, signature))
        {
            return (ReasonCode.SignatureInvalid, null);
        }

        // The key's own kid string when equal: one shared instance instead of one per remembered credential.
        keyId = string.Equals(key.KeyId, keyId, StringComparison.Ordinal) ? key.KeyId : keyId!;
        if (!headerKnown)
        {
            // Only after the signature verified: a forger's headers never take a place in the cache.
            _credentialHeaders.Add(token.AsSpan(0, firstDot), keyId);
        }

        return (ReasonCode.Allowed, new VerifiedCredential(token, claims, keyId));
    }

    /// <summary>The credential's JOSE header checks; <paramref name="keyId"/> is its <c>kid</c> when they pass.</summary>
    private static ReasonCode CheckCredentialHeader(ReadOnlySpan<char> segment, out string? keyId)
    {
        keyId = null;
        if (!CompactJws.TryDecodeHeader(segment, out var header))
        {
            return ReasonCode.Malformed;
        }

        // alg, typ, crit, encoding and kid: the credential's row of the one header table (RFC 8725 order).
        var verdict = JoseHeaderRules.Check(header!, TokenKind.Credential);
        if (verdict != HeaderVerdict.Valid)
        {
            return verdict switch
            {
                HeaderVerdict.AlgNotAllowed => ReasonCode.AlgNotAllowed,
                HeaderVerdict.TypMismatch => ReasonCode.TypMismatch,
                HeaderVerdict.CritUnsupported => ReasonCode.CritUnsupported,
                HeaderVerdict.KeyMissing => ReasonCode.UnknownKey,
                _ => ReasonCode.Malformed,
            };
        }

        keyId = header!.KeyId;
        return ReasonCode.Allowed;
    }
    /// <summary>Claim values a deserializer cannot judge: non-empty ids, sane times, a usable scope.</summary>
    private static bool IsWellFormed(CredentialClaims claims) =>
        claims.Issuer.Length > 0 && claims.Subject.Length > 0 && claims.CredentialId.Length > 0 && claims.SessionId.Length > 0 &&
        claims.Confirmation.KeyThumbprint.Length == 43 &&
        claims.IssuedAt > 0 && claims.NotBefore > 0 && claims.Expires > claims.NotBefore &&
        claims.AuthorizationDetails.Count > 0 &&
        claims.Status is null or { StatusList: { Index: >= 0, Uri.Length: > 0 } };
}
