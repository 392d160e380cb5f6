using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Declares the action an endpoint performs, so every call is verified for exactly that before the handler runs.</summary>
public static class RequireActionEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires a DPoP-presented ExecGov credential that allows <paramref name="action"/> on the resource and
    /// within the constraint values read from the request, e.g.
    /// <c>.RequireAction("payments.release", resource: c => $"invoice:{c.GetArgument&lt;Release&gt;(0).Invoice}", context: c => new() { ["amount"] = … })</c>.
    /// The selectors receive the bound handler arguments, so the values checked are the values used.
    /// A deny answers 401/403 with <c>WWW-Authenticate: DPoP error=…, error_description="&lt;reason code&gt;"</c> and
    /// problem+json; the handler does not run. Register the scheme with <c>AddExecGovCredentials()</c>.
    /// </summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="action">The action name, e.g. <c>payments.release</c>.</param>
    /// <param name="resource">Reads the resource acted on; null when the action has none.</param>
    /// <param name="context">Reads the constraint values: <c>amount</c>, <c>currency</c>, <c>destination</c>.</param>
    /// <param name="scheme">The ExecGov scheme name that answers denials.</param>
    public static TBuilder RequireAction<TBuilder>(
        this TBuilder builder,
        string action,
        Func<EndpointFilterInvocationContext, string?>? resource = null,
        Func<EndpointFilterInvocationContext, Dictionary<string, string>?>? context = null,
        string scheme = ExecGov.Credentials.Verifier.AspNetCore.ExecGovCredentialDefaults.AuthenticationScheme)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var required = new RequiredAction(action, resource, context);
        builder.WithMetadata(required);
        builder.AddEndpointFilter(new ActionEnforcementFilter(required, scheme));
        return builder;
    }
}
