namespace ExecGov.Credentials.Issuer.Http;

/// <summary>A public Ed25519 JWK as answered; <c>kid</c> is its RFC 7638 thumbprint.</summary>
internal sealed record JwkView(string Kty, string Crv, string X, string Kid);
