using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// Succeeds <see cref="ExecGovActionRequirement"/> when the decision stored on this very request allowed that
/// action. It reads the request's decision feature, not claims, so a principal from elsewhere cannot satisfy it.
/// </summary>
internal sealed class ExecGovActionAuthorizationHandler : AuthorizationHandler<ExecGovActionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ExecGovActionRequirement requirement)
    {
        if (context.Resource is HttpContext http &&
            http.Features.Get<IExecGovDecisionFeature>() is { Decision: { IsAllowed: true } decision } &&
            string.Equals(decision.Action, requirement.Action, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
