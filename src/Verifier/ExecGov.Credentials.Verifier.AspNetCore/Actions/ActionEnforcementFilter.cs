using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// Runs after model binding and before the handler: reads the resource and constraint values from the same
/// arguments the handler will use, decides, and either calls the handler or answers 401/403 through the
/// ExecGov scheme. On a deny the handler never runs.
/// </summary>
internal sealed class ActionEnforcementFilter(RequiredAction required, string scheme) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var enforcer = http.RequestServices.GetRequiredService<ActionEnforcer>();
        var resource = required.Resource?.Invoke(context);
        var values = required.Context?.Invoke(context);
        var decision = await enforcer.EnforceAsync(http, required.Action, resource, values, http.RequestAborted).ConfigureAwait(false);
        if (decision.IsAllowed)
        {
            return await next(context).ConfigureAwait(false);
        }

        if (decision.Reason is ReasonCode.ScopeDenied or ReasonCode.ConstraintViolated)
        {
            await http.ForbidAsync(scheme).ConfigureAwait(false);
        }
        else
        {
            await http.ChallengeAsync(scheme).ConfigureAwait(false);
        }

        return Results.Empty;
    }
}
