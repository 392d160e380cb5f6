using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>Admin clients of the embedded token server.</summary>
internal static class AdminClientEndpoints
{
    public static void MapAdminClientEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/admin-clients", async (HttpContext context, AdminClients clients) =>
            {
                var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.CreateAdminClientRequest).ConfigureAwait(false);
                if (body.Failed)
                {
                    return ProblemWriter.Result(body.Error);
                }

                context.Response.Headers.CacheControl = "no-store";
                return Outcome(clients.Create(body.Value, Caller.From(context.User)), StatusCodes.Status201Created);
            })
            .RequireAuthorization(IssuerPolicies.Admin).Accepts<CreateAdminClientRequest>("application/json")
            .Produces<AdminClientView>(StatusCodes.Status201Created).Produces<PendingApprovalView>(StatusCodes.Status202Accepted)
            .WithSummary("Create an admin client; a secret-based client's secret is in this answer only (202 when it needs approval)");
        api.MapGet("/admin-clients", (AdminClients clients) => Respond.Json(clients.List(), IssuerJsonContext.Default.IReadOnlyListAdminClientView))
            .RequireAuthorization(IssuerPolicies.Admin).Produces<IReadOnlyList<AdminClientView>>().WithSummary("List admin clients (never secrets)");
        api.MapPost("/admin-clients/{id}/roles", async (string id, HttpContext context, AdminClients clients) =>
            {
                var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.ChangeRolesRequest).ConfigureAwait(false);
                return body.Failed ? ProblemWriter.Result(body.Error) : Outcome(clients.ChangeRoles(id, body.Value, Caller.From(context.User)), StatusCodes.Status200OK);
            })
            .RequireAuthorization(IssuerPolicies.Admin).Accepts<ChangeRolesRequest>("application/json")
            .Produces<AdminClientView>().Produces<PendingApprovalView>(StatusCodes.Status202Accepted)
            .WithSummary("Replace an admin client's roles (202 when adding approver, which needs approval)");
        api.MapPost("/admin-clients/{id}/disable", (string id, HttpContext context, AdminClients clients) => SetStateAsync(id, true, context, clients))
            .RequireAuthorization(IssuerPolicies.Responder).Accepts<AdminClientStateRequest>("application/json").Produces<AdminClientView>()
            .WithSummary("Disable an admin client: refused from its next request on, and so is every client it created");
        api.MapPost("/admin-clients/{id}/enable", (string id, HttpContext context, AdminClients clients) => SetStateAsync(id, false, context, clients))
            .RequireAuthorization(IssuerPolicies.Responder).Accepts<AdminClientStateRequest>("application/json").Produces<AdminClientView>()
            .WithSummary("Re-enable a disabled admin client");
    }

    private static async Task<IResult> SetStateAsync(string id, bool disable, HttpContext context, AdminClients clients)
    {
        var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.AdminClientStateRequest).ConfigureAwait(false);
        return body.Failed
            ? ProblemWriter.Result(body.Error)
            : Respond.With(clients.SetDisabled(id, disable, body.Value, Caller.From(context.User)), IssuerJsonContext.Default.AdminClientView);
    }

    private static IResult Outcome(IssuerResult<AdminClientOutcome> outcome, int appliedStatus)
    {
        if (outcome.Failed)
        {
            return ProblemWriter.Result(outcome.Error);
        }

        return outcome.Value.Client is { } client
            ? Respond.Json(client, IssuerJsonContext.Default.AdminClientView, appliedStatus)
            : Respond.Json(outcome.Value.Pending!, IssuerJsonContext.Default.PendingApprovalView, StatusCodes.Status202Accepted);
    }
}
