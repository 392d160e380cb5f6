using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
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
                var body = await JsonBody.ReadAsync(context.Request, IssuerJsonContext.Default.CreateAdminClientRequest).ConfigureAwait(false);
                if (body.Failed)
                {
                    return Problems.Result(body.Error);
                }

                context.Response.Headers.CacheControl = "no-store";
                return Respond.With(clients.Create(body.Value, Caller.From(context.User).Subject), IssuerJsonContext.Default.AdminClientView, StatusCodes.Status201Created);
            })
            .RequireAuthorization(IssuerPolicies.Admin).Accepts<CreateAdminClientRequest>("application/json").Produces<AdminClientView>(StatusCodes.Status201Created)
            .WithSummary("Create an admin client; a secret-based client's secret is in this answer only");
        api.MapGet("/admin-clients", (AdminClients clients) => Respond.Json(clients.List(), IssuerJsonContext.Default.IReadOnlyListAdminClientView))
            .RequireAuthorization(IssuerPolicies.Admin).Produces<IReadOnlyList<AdminClientView>>().WithSummary("List admin clients (never secrets)");
    }
}
