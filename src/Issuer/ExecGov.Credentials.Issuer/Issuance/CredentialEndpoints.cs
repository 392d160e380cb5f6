using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>Admin issuance and the list of issued credentials.</summary>
internal static class CredentialEndpoints
{
    private const int MaxListed = 1000;

    public static void MapCredentialEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/credentials", IssueAsync).RequireAuthorization(IssuerPolicies.Admin)
            .Accepts<IssueCredentialRequest>("application/json")
            .Produces<IssuedCredentialView>(StatusCodes.Status201Created)
            .Produces<PendingApprovalView>(StatusCodes.Status202Accepted)
            .WithSummary("Issue a credential to an agent (202 when it needs approval)");
        api.MapGet("/credentials", List).RequireAuthorization(IssuerPolicies.AgentReaders)
            .Produces<IReadOnlyList<CredentialView>>().WithSummary("List issued credentials (never the tokens)");
    }

    /// <summary>Answers an issuance outcome: 201 with the credential, or 202 with the pending approval.</summary>
    public static IResult Outcome(IssuerResult<IssuanceOutcome> outcome)
    {
        if (outcome.Failed)
        {
            return ProblemWriter.Result(outcome.Error);
        }

        return outcome.Value.Issued is { } issued
            ? Respond.Json(issued, IssuerJsonContext.Default.IssuedCredentialView, StatusCodes.Status201Created)
            : Results.Json(outcome.Value.Pending!, IssuerJsonContext.Default.PendingApprovalView, contentType: "application/json", statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> IssueAsync(HttpContext context, CredentialIssuer issuer)
    {
        var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.IssueCredentialRequest).ConfigureAwait(false);
        if (body.Failed)
        {
            return ProblemWriter.Result(body.Error);
        }

        var caller = Caller.From(context.User);
        var request = body.Value;
        var outcome = await issuer.RequestAsync(
            new IssuanceCommand(request.AgentId, request.Audience, request.AuthorizationDetails, request.LifetimeSeconds, request.SessionId, caller.Subject, caller.Name, caller.Person, SelfService: false),
            context.RequestAborted).ConfigureAwait(false);
        return Outcome(outcome);
    }

    private static IResult List([FromQuery(Name = "agent_id")] string? agentId, [FromQuery(Name = "session_id")] string? sessionId, IExecGovStore store)
    {
        if ((agentId is not null && !Identifiers.IsValid(agentId)) || (sessionId is not null && !Identifiers.IsValid(sessionId)))
        {
            return ProblemWriter.Result(ErrorCode.InvalidRequest, "agent_id and session_id must be ids of 1-128 characters of letters, digits, '.', '_', ':' or '-'.");
        }

        var query = store.Credentials.Query();
        if (agentId is not null)
        {
            query = query.Where(c => c.AgentId == agentId);
        }

        if (sessionId is not null)
        {
            query = query.Where(c => c.SessionId == sessionId);
        }

        var views = query.OrderBy(c => c.IssuedAt).Limit(MaxListed).ToList().Select(c => new CredentialView
        {
            CredentialId = c.Id,
            SessionId = c.SessionId,
            AgentId = c.AgentId,
            Audience = c.Audience,
            AuthorizationDetails = JsonSerializer.Deserialize(c.AuthorizationDetailsJson, CredentialJsonContext.Default.ListAuthorizationDetail) ?? [],
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(c.IssuedAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(c.Expires),
            Authoriser = new Authoriser { Subject = c.AuthoriserSubject, Name = c.AuthoriserName, ApprovalId = c.ApprovalId, ApprovedAt = c.ApprovedAt },
            RequestedBy = c.RequestedBy,
            KeyId = c.KeyId,
            Status = c.StatusUri is { } uri && c.StatusIndex is { } idx ? new StatusListReference { Index = idx, Uri = uri } : null,
        }).ToList();
        return Respond.Json<IReadOnlyList<CredentialView>>(views, IssuerJsonContext.Default.IReadOnlyListCredentialView);
    }
}
