using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Storage;
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
        api.MapPost("/agents/{id}/suspend", (string id, HttpContext context, AgentRegistry registry) => ChangeAsync(id, AgentStatus.Suspended, context, registry))
            .RequireAuthorization(IssuerPolicies.AgentState).Accepts<AgentStateRequest>("application/json").Produces<AgentView>().WithSummary("Suspend an agent");
        api.MapPost("/agents/{id}/resume", (string id, HttpContext context, AgentRegistry registry) => ChangeAsync(id, AgentStatus.Active, context, registry))
            .RequireAuthorization(IssuerPolicies.AgentState).Accepts<AgentStateRequest>("application/json").Produces<AgentView>().WithSummary("Resume a suspended agent");
        api.MapPost("/agents/{id}/decommission", (string id, HttpContext context, AgentRegistry registry) => ChangeAsync(id, AgentStatus.Decommissioned, context, registry))
            .RequireAuthorization(IssuerPolicies.Admin).Accepts<AgentStateRequest>("application/json").Produces<AgentView>().WithSummary("Decommission an agent (final)");
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, AgentRegistry registry)
    {
        var body = await JsonBody.ReadAsync(context.Request, IssuerJsonContext.Default.RegisterAgentRequest).ConfigureAwait(false);
        return body.Failed
            ? Problems.Result(body.Error)
            : Respond.With(registry.Register(body.Value, Caller.From(context.User)), IssuerJsonContext.Default.AgentView, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ChangeAsync(string id, AgentStatus target, HttpContext context, AgentRegistry registry)
    {
        var body = await JsonBody.ReadAsync(context.Request, IssuerJsonContext.Default.AgentStateRequest).ConfigureAwait(false);
        return body.Failed
            ? Problems.Result(body.Error)
            : Respond.With(registry.ChangeState(id, target, body.Value, Caller.From(context.User)), IssuerJsonContext.Default.AgentView);
    }
}
