using System.Security.Claims;
using ExecGov.Credentials.Store;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// Answers a client-credentials request with an access token for the admin API: subject = client id, name,
/// and one <c>role</c> claim per role, audience <see cref="AdminClaimTypes.Audience"/>.
/// </summary>
internal sealed class AdminTokenSignIn : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleTokenRequestContext>()
            .UseSingletonHandler<AdminTokenSignIn>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsClientCredentialsGrantType() ||
            !context.Transaction.Properties.TryGetValue(AdminClientAuthenticator.ClientProperty, out var value) || value is not AdminClientDocument client)
        {
            context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, "Only authenticated admin clients may use the client credentials grant.");
            return ValueTask.CompletedTask;
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, AdminClaimTypes.Name, AdminClaimTypes.Role);
        identity.SetClaim(Claims.Subject, client.Id);
        identity.SetClaim(Claims.Name, client.DisplayName);
        identity.SetClaims(AdminClaimTypes.Role, [.. client.Roles]);
        identity.SetAudiences(AdminClaimTypes.Audience);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        return ValueTask.CompletedTask;
    }
}
