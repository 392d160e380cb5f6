using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Revocation.Admin;
using ExecGov.Credentials.Revocation.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Revocation;

/// <summary>Maps the revocation endpoints into the issuer host.</summary>
public static class RevocationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the public, unauthenticated endpoints of docs/revocation.md: <c>GET /status-lists/{id}</c> (the
    /// signed list, ETag, 304, 404 problem) and <c>GET /status-lists/events</c> (the Server-Sent Events stream).
    /// Call <see cref="RevocationServiceCollectionExtensions.AddRevocation(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{RevocationOptions})"/> first.
    /// </summary>
    public static IEndpointConventionBuilder MapRevocationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet(ListPattern("events"), StatusListEndpoints.StreamEventsAsync)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]))
            .WithDisplayName("Revocation event stream");
        group.MapGet(ListPattern("{id}"), StatusListEndpoints.GetListAsync)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [StatusListEndpoints.MediaType]))
            .WithDisplayName("Status list");
        return group;
    }

    /// <summary>
    /// Maps <c>POST /v1/revocations</c> (body <see cref="RevocationApiRequest"/>, answer
    /// <see cref="RevocationApiResponse"/>, errors <see cref="ProblemDocument"/>), requiring the host's
    /// authorization policy <paramref name="policyName"/> (the responder role). The responder recorded is the
    /// caller's <c>sub</c> claim (or <c>client_id</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapRevocationAdminEndpoints(this IEndpointRouteBuilder endpoints, string policyName)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        return endpoints.MapPost("/v1/revocations", RevocationAdminEndpoint.PostAsync)
            .RequireAuthorization(policyName)
            .WithMetadata(
                new AcceptsMetadata(["application/json"], typeof(RevocationApiRequest)),
                new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(RevocationApiResponse), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDocument), [ProblemWriter.ContentType]),
                new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDocument), [ProblemWriter.ContentType]))
            .WithDisplayName("Revoke, suspend or unsuspend");
    }

    private static string ListPattern(string last) => Publishing.ListUris.PathPrefix + last;
}
