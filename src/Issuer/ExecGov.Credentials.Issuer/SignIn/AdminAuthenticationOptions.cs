namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// How the admin API authenticates callers (section <c>Issuer:AdminAuthentication</c>). By default the embedded
/// token server issues the admin tokens; setting <see cref="Authority"/> points JwtBearer at an external OpenID
/// Connect provider instead, and the embedded token server and bootstrap admin are switched off.
/// </summary>
public sealed class AdminAuthenticationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Issuer:AdminAuthentication";

    /// <summary>An external OpenID Connect issuer URL (https). Default: none, so the embedded token server is used.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> the external provider puts in tokens for this service. Required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>The external token's claim holding role names. Default <c>roles</c>.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The external token's claim holding the caller's stable id, recorded as actor and authoriser. Default <c>sub</c>.</summary>
    public string SubjectClaimType { get; set; } = "sub";

    /// <summary>The external token's claim holding a display name. Default <c>name</c>.</summary>
    public string NameClaimType { get; set; } = "name";

    /// <summary>
    /// Maps external role values to this service's roles (<c>admin</c>, <c>approver</c>, <c>responder</c>,
    /// <c>auditor</c>, <c>verifier</c>). Default: empty, which means an external value equal to one of those
    /// names maps to itself and everything else grants nothing.
    /// </summary>
    public IDictionary<string, string> RoleMap { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether the external provider's metadata must be fetched over https. Default true.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when an external provider is configured.</summary>
    public bool IsExternal => !string.IsNullOrEmpty(Authority);
}
