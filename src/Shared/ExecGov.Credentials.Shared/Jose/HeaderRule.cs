namespace ExecGov.Credentials.Jose;

/// <summary>One row of <see cref="JoseHeaderRules"/>: what a header of one kind of token must say.</summary>
/// <param name="Kind">The kind of token.</param>
/// <param name="Type">Its <c>typ</c> (compared by <see cref="Credentials.TokenTypeMatch"/>).</param>
/// <param name="KeyFromHeaderJwk">True when the signing key travels in the header's <c>jwk</c> (a proof); otherwise <c>kid</c> names a configured key.</param>
/// <param name="RefusesKeyPointers">True when <c>jku</c>, <c>x5u</c>, <c>x5c</c> (and, for a <c>kid</c> kind, <c>jwk</c>) make the token invalid; otherwise they are ignored.</param>
public sealed record HeaderRule(TokenKind Kind, string Type, bool KeyFromHeaderJwk, bool RefusesKeyPointers);
