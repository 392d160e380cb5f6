using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.SelfService;

/// <summary>The agent self-service API: no admin token, an agent assertion on every request.</summary>
internal static class AgentApiEndpoints
{
    public static void MapAgentApiEndpoints(this RouteGroupBuilder agentApi)
    {
        agentApi.MapPost("/credentials", RequestAsync).AllowAnonymous()
            .Accepts<AgentCredentialRequest>("application/json")
            .Produces<IssuedCredentialView>(StatusCodes.Status201Created)
            .Produces<PendingApprovalView>(StatusCodes.Status202Accepted)
            .WithSummary("An agent asks for a credential (Authorization: ExecGov-Assertion)");
        agentApi.MapGet("/approvals/{id}", PollAsync).AllowAnonymous()
            .Produces<ApprovalView>().WithSummary("An agent polls its approval request; the first answer after approval carries the credential");
    }

    private static async Task<IResult> RequestAsync(HttpContext context, AgentAuthenticator authenticator, CredentialIssuer issuer)
    {
        // Who is asking comes first: an unauthenticated caller learns nothing about what a valid body looks like.
        var agent = authenticator.Authenticate(context.Request);
        if (agent.Failed)
        {
            return Unauthorized(context, agent.Error);
        }

        var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.AgentCredentialRequest).ConfigureAwait(false);
        if (body.Failed)
        {
            return ProblemWriter.Result(body.Error);
        }

        var request = body.Value;
        var outcome = await issuer.RequestAsync(
            new IssuanceCommand(agent.Value.Id, request.Audience, request.AuthorizationDetails, request.LifetimeSeconds, request.SessionId, "agent:" + agent.Value.Id, agent.Value.DisplayName, "agent:" + agent.Value.Id, SelfService: true),
            context.RequestAborted).ConfigureAwait(false);
        return CredentialEndpoints.Outcome(outcome);
    }

    private static async Task<IResult> PollAsync(string id, HttpContext context, AgentAuthenticator authenticator, ApprovalService approvals)
    {
        var agent = authenticator.Authenticate(context.Request);
        if (agent.Failed)
        {
            return Unauthorized(context, agent.Error);
        }

        var requester = "agent:" + agent.Value.Id;
        var view = approvals.Get(id);
        if (view.Failed || !string.Equals(view.Value.RequestedBy, requester, StringComparison.Ordinal))
        {
            // Another agent's request is answered as if it did not exist.
            return ProblemWriter.Result(ErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}' of this agent.");
        }

        if (!string.Equals(view.Value.Status, "approved", StringComparison.Ordinal))
        {
            return Respond.Json(view.Value, IssuerJsonContext.Default.ApprovalView);
        }

        var collected = await approvals.CollectAsync(id, requester, context.RequestAborted).ConfigureAwait(false);
        return Respond.With(collected, IssuerJsonContext.Default.ApprovalView);
    }

    private static IResult Unauthorized(HttpContext context, HttpError error)
    {
        context.Response.Headers.WWWAuthenticate = AgentAuthenticator.Scheme + " error=\"invalid_token\"";
        return ProblemWriter.Result(error);
    }
}
