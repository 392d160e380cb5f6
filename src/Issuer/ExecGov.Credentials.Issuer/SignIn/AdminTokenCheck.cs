using System.Security.Claims;
using ExecGov.Credentials.Issuer.Admins;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// Runs on every admin API request after the embedded admin token validated: the client must still exist and be
/// enabled, and no client in its creator chain may be disabled, so a disabled client is refused on its next
/// request rather than when its token expires. The roles and person come from the stored client, not the token:
/// a role removed is gone at once.
/// </summary>
internal static class AdminTokenCheck
{
    public static Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.Principal?.FindFirst(AdminClaimTypes.Subject)?.Value;
        var clients = context.HttpContext.RequestServices.GetRequiredService<AdminClients>();
        var (client, refusal) = clients.CheckActive(subject);
        if (client is null)
        {
            context.Fail($"The admin client is refused ({refusal}).");
            return Task.CompletedTask;
        }

        var identity = new ClaimsIdentity(context.Principal!.Identity?.AuthenticationType ?? JwtBearerDefaults.AuthenticationScheme, AdminClaimTypes.Name, AdminClaimTypes.Role);
        identity.AddClaim(new Claim(AdminClaimTypes.Subject, client.Id));
        identity.AddClaim(new Claim(AdminClaimTypes.Name, client.DisplayName));
        identity.AddClaim(new Claim(AdminClaimTypes.Person, client.PersonOrId()));
        foreach (var role in client.Roles)
        {
            identity.AddClaim(new Claim(AdminClaimTypes.Role, role));
        }

        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }
}
