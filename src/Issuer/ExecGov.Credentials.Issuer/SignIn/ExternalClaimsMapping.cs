using System.Security.Claims;
using ExecGov.Credentials.Issuer.Admins;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// With an external OpenID Connect provider, turns its claims into this service's: the configured subject and
/// name claims become <c>sub</c> and <c>name</c>, and each value of the role claim becomes a <c>role</c> claim
/// through <see cref="AdminAuthenticationOptions.RoleMap"/> (or as is, when it already names a role and the map
/// is empty). Values that map to nothing grant nothing.
/// </summary>
internal sealed class ExternalClaimsMapping(IOptions<AdminAuthenticationOptions> options) : IClaimsTransformation
{
    private const string MappedType = "execgov:mapped";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var settings = options.Value;
        if (!settings.IsExternal || principal.Identity is not { IsAuthenticated: true } || principal.HasClaim(c => c.Type == MappedType))
        {
            return Task.FromResult(principal);
        }

        var identity = new ClaimsIdentity(principal.Identity.AuthenticationType, AdminClaimTypes.Name, AdminClaimTypes.Role);
        identity.AddClaim(new Claim(MappedType, "1"));
        // What lands in the audit trail is stored exactly, so a provider's value with control characters is not taken:
        // without a subject the caller has no identity and is refused; without a name it is shown by its subject.
        if (principal.FindFirst(settings.SubjectClaimType)?.Value is { Length: > 0 } subject && !subject.Any(char.IsControl))
        {
            identity.AddClaim(new Claim(AdminClaimTypes.Subject, subject));

            // The documented mapping of an external account to a person: oidc:{authority}#{sub}.
            identity.AddClaim(new Claim(AdminClaimTypes.Person, Persons.External(settings.Authority!, subject)));
        }

        if (principal.FindFirst(settings.NameClaimType)?.Value is { Length: > 0 } name && !name.Any(char.IsControl))
        {
            identity.AddClaim(new Claim(AdminClaimTypes.Name, name));
        }

        foreach (var value in principal.FindAll(settings.RoleClaimType).Select(c => c.Value))
        {
            string? role = settings.RoleMap.Count > 0
                ? settings.RoleMap.TryGetValue(value, out var mapped) ? mapped : null
                : AdminRoles.All.FirstOrDefault(r => string.Equals(r, value, StringComparison.Ordinal));
            if (role is not null && !identity.HasClaim(AdminClaimTypes.Role, role))
            {
                identity.AddClaim(new Claim(AdminClaimTypes.Role, role));
            }
        }

        // Only the mapped identity is kept: a raw external "role" claim must not grant anything by accident.
        return Task.FromResult(new ClaimsPrincipal(identity));
    }
}
