using ExecGov.Credentials.Verifier.AspNetCore.Actions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Declares the action a minimal-API endpoint performs, so every call is verified for exactly that before the handler runs.</summary>
public static class RequireActionEndpointConventionBuilderExtensions
{
    /// <summary>Requires a credential that allows <paramref name="action"/> (no resource, no constraint values).</summary>
    public static TBuilder RequireAction<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        Declare(builder, new RequireActionAttribute(action));

    /// <summary>
    /// Requires a credential that allows <paramref name="action"/> on the resource and within the constraint values
    /// <paramref name="values"/> reads from the route or query, e.g.
    /// <c>.RequireAction("invoices.read", r =&gt; new ActionValues { Resource = $"invoice:{r.RouteValue("id")}" })</c>.
    /// </summary>
    public static TBuilder RequireAction<TBuilder>(this TBuilder builder, string action, Func<ActionRequestContext, ActionValues> values)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(values);
        return Declare(builder, new RequireActionAttribute(action) { Reader = context => ValueTask.FromResult(values(context)) });
    }

    /// <summary>
    /// Requires a credential that allows <paramref name="action"/> on the resource and within the constraint values
    /// <paramref name="values"/> reads, including from the JSON body, e.g.
    /// <c>.RequireAction("payments.release", async r =&gt; await r.ReadJsonBodyAsync&lt;Release&gt;() is { } b ? new ActionValues { Resource = $"invoice:{b.Invoice}", Amount = b.Amount, Currency = b.Currency } : ActionValues.None)</c>.
    /// A deny answers 401/403 with <c>WWW-Authenticate: DPoP error="…", error_description="&lt;reason code&gt;"</c> and
    /// problem+json; the handler does not run. Needs <c>AddAuthentication().AddExecGovCredentials(…)</c>.
    /// </summary>
    public static TBuilder RequireAction<TBuilder>(this TBuilder builder, string action, Func<ActionRequestContext, ValueTask<ActionValues>> values)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(values);
        return Declare(builder, new RequireActionAttribute(action) { Reader = values });
    }

    private static TBuilder Declare<TBuilder>(TBuilder builder, RequireActionAttribute declaration)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The attribute is both IAuthorizeData (our scheme) and IAuthorizationRequirementData (this action): the
        // authorization middleware authenticates with the scheme, which decides, before binding or the handler.
        builder.WithMetadata(declaration);
        return builder;
    }
}
