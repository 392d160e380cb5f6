using ExecGov.Credentials.Issuer.Admins;
using OpenIddict.Server;
using OpenIddict.Abstractions;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// Audits token-endpoint failures that OpenIddict refused before client authentication ran (an invalid
/// client assertion, a malformed request), so every failed sign-in is in the trail.
/// </summary>
internal sealed class SignInFailureAuditor(AdminClients clients) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<SignInFailureAuditor>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Properties.ContainsKey(AdminClientAuthenticator.AuditedProperty) || string.IsNullOrEmpty(context.Response.Error))
        {
            return ValueTask.CompletedTask;
        }

        var method = string.IsNullOrEmpty(context.Request?.ClientAssertion) ? AdminClients.SecretMethod : AdminClients.KeyMethod;
        clients.RecordFailure(context.Request?.ClientId, method, context.Response.Error ?? OpenIddictConstants.Errors.InvalidRequest);
        return ValueTask.CompletedTask;
    }
}
