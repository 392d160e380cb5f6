namespace ExecGov.Credentials.Issuer.Publishing;

/// <summary>The RFC 7517 JWKS at <c>/.well-known/jwks.json</c>. Its key type has no private member at all.</summary>
internal sealed record JwksDocument(IReadOnlyList<PublishedJwk> Keys);

/// <summary>One published Ed25519 key (RFC 8037): <c>kty</c>, <c>crv</c>, <c>x</c>, <c>kid</c>, <c>use</c>, <c>alg</c>.</summary>
internal sealed record PublishedJwk(string Kty, string Crv, string X, string Kid, string Use, string Alg);
