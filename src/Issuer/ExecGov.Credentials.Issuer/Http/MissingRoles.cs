using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>
/// Says which role a refused (403) caller lacks, read from the endpoint's own authorization policy, so the
/// <c>forbidden</c> problem names the role to ask for instead of only "your roles do not allow this".
/// </summary>
internal static class MissingRoles
{
    /// <summary>
    /// The detail for a 403 on the current endpoint: the first role requirement the caller does not meet and the
    /// roles the caller has; null when no role requirement explains the refusal (it was refused for another reason).
    /// </summary>
    public static async Task<string?> DescribeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            return null;
        }

        var provider = context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(
            provider,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()).ConfigureAwait(false);
        var unmet = policy?.Requirements.OfType<RolesAuthorizationRequirement>()
            .FirstOrDefault(r => !r.AllowedRoles.Any(context.User.IsInRole));
        if (unmet is null)
        {
            return null;
        }

        var needed = unmet.AllowedRoles.Select(r => $"'{r}'").ToList();
        var has = context.User.Identities
            .SelectMany(i => i.FindAll(i.RoleClaimType))
            .Select(c => c.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var wants = needed.Count == 1 ? $"needs the role {needed[0]}" : $"needs one of the roles {string.Join(", ", needed)}";
        return $"{context.Request.Method} {context.Request.Path} {wants}; this client has {(has.Count == 0 ? "no role" : "the roles " + string.Join(", ", has))}";
    }
}
