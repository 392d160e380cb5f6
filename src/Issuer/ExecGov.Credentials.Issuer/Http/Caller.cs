using System.Security.Claims;
using ExecGov.Credentials.Issuer.SignIn;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>Who is calling the admin API: the token's subject and display name.</summary>
/// <param name="Subject">The admin client id, or the external identity provider's subject.</param>
/// <param name="Name">A display name, when the token carries one.</param>
internal sealed record Caller(string Subject, string? Name)
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirst(AdminClaimTypes.Subject)?.Value;

        // The authentication handler only lets principals with a subject through; this is a bug guard.
        return subject is { Length: > 0 }
            ? new Caller(subject, user.FindFirst(AdminClaimTypes.Name)?.Value)
            : throw new InvalidOperationException("An authenticated admin principal must carry a subject.");
    }
}
