using System.Globalization;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Store;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// Client authentication at the token endpoint. OpenIddict runs in degraded mode (it has no LiteDB store), so
/// its own client checks are off and this handler does them: a verified private_key_jwt assertion from a
/// client with a registered key, or a client id and secret checked against the stored PBKDF2 hash.
/// </summary>
internal sealed class AdminClientAuthenticator(AdminClients clients) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>The transaction property holding the authenticated client for the sign-in handler.</summary>
    public const string ClientProperty = "execgov:admin_client";

    /// <summary>Set once the outcome is audited, so the response handler does not audit it twice.</summary>
    public const string AuditedProperty = "execgov:sign_in_audited";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<AdminClientAuthenticator>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientSecret.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Token)
        {
            return ValueTask.CompletedTask;
        }

        AdminClientDocument? client;
        if (context.ClientAssertionPrincipal is { } assertion)
        {
            var subject = assertion.GetClaim(Claims.Subject);

            // OpenIddict checked signature, issuer, audience and expiry; without token storage (degraded mode)
            // nobody remembers assertion ids, so a short lifetime and a one-time jti are enforced here.
            var fresh = string.Equals(subject, context.ClientId ?? subject, StringComparison.Ordinal) &&
                long.TryParse(assertion.GetClaim(Claims.ExpiresAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires) &&
                clients.TryRememberAssertion(subject, assertion.GetClaim(Claims.JwtId), DateTimeOffset.FromUnixTimeSeconds(expires));
            client = clients.AuthenticateWithAssertion(subject, assertionValid: fresh);
        }
        else
        {
            client = clients.AuthenticateWithSecret(context.ClientId, context.ClientSecret);
        }

        context.Transaction.Properties[AuditedProperty] = true;
        if (client is null)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client could not be authenticated.");
            return ValueTask.CompletedTask;
        }

        context.Transaction.Properties[ClientProperty] = client;
        return ValueTask.CompletedTask;
    }
}
