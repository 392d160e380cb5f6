using System.Security.Claims;
using ExecGov.Credentials.Issuer.SignIn;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>Who is calling the admin API: the token's subject, display name, and the person it acts for.</summary>
/// <param name="Subject">The admin client id, or the external identity provider's subject.</param>
/// <param name="Name">A display name, when the token carries one.</param>
/// <param name="Person">The person behind the subject (four-eyes compares these), set per request by the sign-in checks.</param>
internal sealed record Caller(string Subject, string? Name, string Person)
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirst(AdminClaimTypes.Subject)?.Value;
        var person = user.FindFirst(AdminClaimTypes.Person)?.Value;

        // The authentication handler only lets principals with a subject and a person through; this is a bug guard.
        return subject is { Length: > 0 } && person is { Length: > 0 }
            ? new Caller(subject, user.FindFirst(AdminClaimTypes.Name)?.Value, person)
            : throw new InvalidOperationException("An authenticated admin principal must carry a subject and a person.");
    }
}
