using ExecGov.Credentials.Issuer.Admins;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>Refuses an external-provider configuration that would let tokens through unchecked.</summary>
internal sealed class AdminAuthenticationOptionsValidator : IValidateOptions<AdminAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsExternal)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) ||
            (options.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Issuer:AdminAuthentication:Authority must be an absolute https URL of the OpenID Connect provider.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Issuer:AdminAuthentication:Audience is required with an external provider: tokens for other applications must not be accepted.");
        }

        foreach (var (external, role) in options.RoleMap)
        {
            if (!AdminRoles.All.Contains(role, StringComparer.Ordinal))
            {
                failures.Add($"Issuer:AdminAuthentication:RoleMap maps '{external}' to '{role}', which is not one of: {string.Join(", ", AdminRoles.All)}.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaimType) || string.IsNullOrWhiteSpace(options.SubjectClaimType))
        {
            failures.Add("Issuer:AdminAuthentication:RoleClaimType and SubjectClaimType must name claims.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
