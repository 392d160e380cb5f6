using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Jose;

/// <summary>
/// The one table of JOSE header rules, a row per kind of token, and the one place they are checked. Every kind pins
/// <c>alg</c> to <c>EdDSA</c>, pins its own <c>typ</c>, refuses <c>crit</c>, <c>b64</c> and <c>zip</c>; they differ only in
/// where the key comes from and whether key-pointing members are refused or ignored. Each caller maps the
/// <see cref="HeaderVerdict"/> to its own reason codes.
/// </summary>
public static class JoseHeaderRules
{
    /// <summary>A credential: the key is the issuer's, by <c>kid</c>; <c>jku</c>, <c>x5u</c>, <c>x5c</c> and <c>jwk</c> are ignored, never followed.</summary>
    public static HeaderRule Credential { get; } = new(TokenKind.Credential, TokenTypes.Credential, KeyFromHeaderJwk: false, RefusesKeyPointers: false);

    /// <summary>A holder proof: the key is the header's own Ed25519 <c>jwk</c> (RFC 9449 §4.2), never a private one.</summary>
    public static HeaderRule Proof { get; } = new(TokenKind.Proof, TokenTypes.Proof, KeyFromHeaderJwk: true, RefusesKeyPointers: false);

    /// <summary>A status list token: the key is the issuer's, by <c>kid</c>, as for a credential.</summary>
    public static HeaderRule StatusList { get; } = new(TokenKind.StatusList, TokenTypes.StatusList, KeyFromHeaderJwk: false, RefusesKeyPointers: false);

    /// <summary>An agent assertion: the key is the registered one, by <c>kid</c>; any key-pointing member makes it invalid.</summary>
    public static HeaderRule AgentAssertion { get; } = new(TokenKind.AgentAssertion, TokenTypes.AgentAssertion, KeyFromHeaderJwk: false, RefusesKeyPointers: true);

    /// <summary>The row for <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a kind of this project.</exception>
    public static HeaderRule For(TokenKind kind) => kind switch
    {
        TokenKind.Credential => Credential,
        TokenKind.Proof => Proof,
        TokenKind.StatusList => StatusList,
        TokenKind.AgentAssertion => AgentAssertion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Checks <paramref name="header"/> against the row of <paramref name="kind"/>, in RFC 8725 order: <c>alg</c>, <c>typ</c>,
    /// <c>crit</c>, payload encoding, key-pointing members, the key member. The first broken rule is the answer.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    public static HeaderVerdict Check(JoseHeader header, TokenKind kind)
    {
        ArgumentNullException.ThrowIfNull(header);
        var rule = For(kind);

        // RFC 8725 §3.1: the algorithm is pinned by the reader, never chosen by the token; this refuses "none", HS256
        // keyed with the public key, and every other algorithm/key-type confusion.
        if (!string.Equals(header.Algorithm, EdDsa.Algorithm, StringComparison.Ordinal))
        {
            return HeaderVerdict.AlgNotAllowed;
        }

        // RFC 8725 §3.11 and §3.12: explicit typing keeps every other kind of token out.
        if (!TokenTypeMatch.Matches(header.Type, rule.Type))
        {
            return HeaderVerdict.TypMismatch;
        }

        // RFC 7515 §4.1.11: an extension we do not understand must make the token invalid.
        if (header.Critical is not null)
        {
            return HeaderVerdict.CritUnsupported;
        }

        if (header.Base64Payload is not null || header.Compression is not null)
        {
            return HeaderVerdict.EncodingUnsupported;
        }

        // RFC 8725 §3.10: keys come from configuration or registration, never from a URL or chain in the token.
        if (rule.RefusesKeyPointers &&
            (header.JwkSetUrl is not null || header.X509Url is not null || header.X509Chain is not null || (!rule.KeyFromHeaderJwk && header.Jwk is not null)))
        {
            return HeaderVerdict.KeyPointerRefused;
        }

        if (rule.KeyFromHeaderJwk)
        {
            // The proof's own public key: Ed25519 only, and a private "d" has no place in a header.
            return header.Jwk is { KeyType: EdDsa.KeyType, Curve: EdDsa.Curve, X: { Length: > 0 }, D: null }
                ? HeaderVerdict.Valid
                : HeaderVerdict.KeyMissing;
        }

        return string.IsNullOrEmpty(header.KeyId) ? HeaderVerdict.KeyMissing : HeaderVerdict.Valid;
    }
}
