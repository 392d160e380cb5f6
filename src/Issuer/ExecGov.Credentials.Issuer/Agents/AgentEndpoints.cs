using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>The agent registry endpoints of the admin API.</summary>
internal static class AgentEndpoints
{
    public static void MapAgentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/agents", RegisterAsync).RequireAuthorization(IssuerPolicies.Admin)
            .Accepts<RegisterAgentRequest>("application/json").Produces<AgentView>(StatusCodes.Status201Created).WithSummary("Register an agent");
        api.MapGet("/agents", (AgentRegistry registry) => Respond.Json(registry.List(), IssuerJsonContext.Default.IReadOnlyListAgentView))
            .RequireAuthorization(IssuerPolicies.AgentReaders).Produces<IReadOnlyList<AgentView>>().WithSummary("List agents");
        api.MapGet("/agents/{id}", (string id, AgentRegistry registry) => Respond.With(registry.Get(id), IssuerJsonContext.Default.AgentView))
            .RequireAuthorization(IssuerPolicies.AgentReaders).Produces<AgentView>().WithSummary("Show an agent");
        api.MapPost("/agents/{id}/suspend", (string id, HttpContext context, AgentLifecycle lifecycle) => ChangeAsync(id, lifecycle.SuspendAsync, context))
            .RequireAuthorization(IssuerPolicies.AgentState).Accepts<AgentStateRequest>("application/json").Produces<AgentView>()
            .WithSummary("Suspend an agent and its live credentials (reversible)");
        api.MapPost("/agents/{id}/resume", (string id, HttpContext context, AgentLifecycle lifecycle) => ChangeAsync(id, lifecycle.ResumeAsync, context))
            .RequireAuthorization(IssuerPolicies.AgentState).Accepts<AgentStateRequest>("application/json").Produces<AgentView>()
            .WithSummary("Resume a suspended agent and unsuspend its credentials");
        api.MapPost("/agents/{id}/decommission", (string id, HttpContext context, AgentLifecycle lifecycle) => ChangeAsync(id, lifecycle.DecommissionAsync, context))
            .RequireAuthorization(IssuerPolicies.Admin).Accepts<AgentStateRequest>("application/json").Produces<AgentView>()
            .WithSummary("Decommission an agent (final): its credentials are revoked");
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, AgentRegistry registry)
    {
        var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.RegisterAgentRequest).ConfigureAwait(false);
        return body.Failed
            ? ProblemWriter.Result(body.Error)
            : Respond.With(registry.Register(body.Value, Caller.From(context.User)), IssuerJsonContext.Default.AgentView, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ChangeAsync(string id, Func<string, AgentStateRequest, Caller, Task<IssuerResult<AgentView>>> change, HttpContext context)
    {
        var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.AgentStateRequest).ConfigureAwait(false);
        return body.Failed
            ? ProblemWriter.Result(body.Error)
            : Respond.With(await change(id, body.Value, Caller.From(context.User)).ConfigureAwait(false), IssuerJsonContext.Default.AgentView);
    }
}
