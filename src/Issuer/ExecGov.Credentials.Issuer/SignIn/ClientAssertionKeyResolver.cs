using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Issuer.Admins;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// In degraded mode OpenIddict has no application store to find a client's keys, so private_key_jwt needs a
/// resolver (its own comment on ResolveTokenValidationParameters says so): this one returns the Ed25519 key
/// registered for the assertion's issuer (the client id) and pins the algorithm to EdDSA.
/// </summary>
internal sealed class ClientAssertionKeyResolver(AdminClients clients) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<ClientAssertionKeyResolver>()
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion) || context.TokenValidationParameters is null)
        {
            return ValueTask.CompletedTask;
        }

        context.TokenValidationParameters.ValidAlgorithms = [EdDsa.Algorithm];
        context.TokenValidationParameters.IssuerSigningKeyResolver = (_, token, _, _) =>
            clients.FindPublicKey(token.Issuer) is { } key ? [key] : [];
        return ValueTask.CompletedTask;
    }
}
