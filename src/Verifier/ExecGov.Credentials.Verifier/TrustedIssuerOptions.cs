namespace ExecGov.Credentials.Verifier;

/// <summary>
/// An issuer whose credentials this verifier accepts, where its public keys come from (exactly one of
/// <see cref="JwksUri"/>, <see cref="JwksPath"/>, <see cref="Jwks"/>, or none of them when
/// <see cref="MetadataUri"/> names the JWKS), and where its revocation status is published.
/// </summary>
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

    /// <summary>
    /// The issuer's metadata document, <c>{issuer}/.well-known/execgov-issuer</c> (https, or http on loopback
    /// only). Its <c>jwks_uri</c>, <c>status_list_base</c> and <c>status_events_uri</c> are used for every
    /// value not configured here explicitly (explicit settings win); its <c>issuer</c> must equal
    /// <see cref="Issuer"/> exactly or the document is refused. Default: none.
    /// </summary>
    public Uri? MetadataUri { get; set; }

    /// <summary>
    /// The prefix of the issuer's status list URIs, e.g. <c>https://issuer.example/status-lists</c>
    /// (https, or http on loopback only; a trailing slash is optional). A credential's status list URI is
    /// fetched only when it is this prefix followed by one decimal list id; any other URI in a credential is
    /// never fetched and the credential is denied <c>status_unavailable</c>. Default: none (learnt from
    /// <see cref="MetadataUri"/> when set).
    /// </summary>
    public Uri? StatusListBase { get; set; }

    /// <summary>
    /// The issuer's revocation event stream (Server-Sent Events), e.g.
    /// <c>https://issuer.example/status-lists/events</c> (https, or http on loopback only). Default: none
    /// (learnt from <see cref="MetadataUri"/> when set; without it the verifier only polls).
    /// </summary>
    public Uri? StatusEventsUri { get; set; }
}
