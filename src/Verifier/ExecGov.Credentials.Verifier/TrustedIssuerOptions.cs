namespace ExecGov.Credentials.Verifier;

/// <summary>An issuer whose credentials this verifier accepts, and where its public keys come from (exactly one source).</summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>The exact <c>iss</c> value. Required.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The issuer's JWKS URL (https, or http on loopback only). Default: none.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>A file holding the issuer's JWKS. Default: none.</summary>
    public string? JwksPath { get; set; }

    /// <summary>The issuer's JWKS as JSON text, for tests and pinned deployments. Default: none.</summary>
    public string? Jwks { get; set; }
}
