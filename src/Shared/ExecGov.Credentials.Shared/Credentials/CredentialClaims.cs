using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// The claims of an agent credential (docs/credential-format.md). Immutable: once parsed from a token it
/// crossed a trust boundary. Unknown claims are ignored by readers; duplicate members are refused.
/// </summary>
public sealed record CredentialClaims
{
    /// <summary><c>iss</c>: the issuer's identifier (an https URL in production).</summary>
    [JsonPropertyName("iss")]
    public required string Issuer { get; init; }

    /// <summary><c>sub</c>: the agent id.</summary>
    [JsonPropertyName("sub")]
    public required string Subject { get; init; }

    /// <summary><c>aud</c>: the target service id(s).</summary>
    [JsonPropertyName("aud")]
    [JsonConverter(typeof(StringOrArrayConverter))]
    public required IReadOnlyList<string> Audience { get; init; }

    /// <summary><c>iat</c>: issued at, seconds since the Unix epoch.</summary>
    [JsonPropertyName("iat")]
    public required long IssuedAt { get; init; }

    /// <summary><c>nbf</c>: not valid before, seconds since the Unix epoch.</summary>
    [JsonPropertyName("nbf")]
    public required long NotBefore { get; init; }

    /// <summary><c>exp</c>: expiry, seconds since the Unix epoch.</summary>
    [JsonPropertyName("exp")]
    public required long Expires { get; init; }

    /// <summary><c>jti</c>: the credential id.</summary>
    [JsonPropertyName("jti")]
    public required string CredentialId { get; init; }

    /// <summary><c>sid</c>: the session id; revoking a session revokes every credential carrying it.</summary>
    [JsonPropertyName("sid")]
    public required string SessionId { get; init; }

    /// <summary><c>cnf</c>: the agent's key thumbprint, to which every presentation must prove possession.</summary>
    [JsonPropertyName("cnf")]
    public required Confirmation Confirmation { get; init; }

    /// <summary><c>authorization_details</c>: what the credential allows (RFC 9396 shape).</summary>
    [JsonPropertyName("authorization_details")]
    public required IReadOnlyList<AuthorizationDetail> AuthorizationDetails { get; init; }

    /// <summary><c>authoriser</c>: who granted it.</summary>
    [JsonPropertyName("authoriser")]
    public required Authoriser Authoriser { get; init; }

    /// <summary><c>status</c>: where its revocation status is published; absent only for status-less deployments.</summary>
    [JsonPropertyName("status")]
    public StatusClaim? Status { get; init; }
}
