using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>Approval requests: listing, deciding, and collection by an admin requester.</summary>
internal static class ApprovalEndpoints
{
    public static void MapApprovalEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/approvals", ([FromQuery(Name = "status")] string? status, ApprovalService approvals) =>
                ApprovalService.IsKnownStatus(status)
                    ? Respond.Json(approvals.List(status), IssuerJsonContext.Default.IReadOnlyListApprovalView)
                    : ProblemWriter.Result(ErrorCode.InvalidRequest, "status must be pending, approved, denied, collected or expired."))
            .RequireAuthorization(IssuerPolicies.ApprovalReaders).Produces<IReadOnlyList<ApprovalView>>().WithSummary("List approval requests");
        api.MapGet("/approvals/{id}", (string id, ApprovalService approvals) => Respond.With(approvals.Get(id), IssuerJsonContext.Default.ApprovalView))
            .RequireAuthorization(IssuerPolicies.ApprovalReaders).Produces<ApprovalView>().WithSummary("Show an approval request");
        api.MapPost("/approvals/{id}/approve", (string id, HttpContext context, ApprovalService approvals) => DecideAsync(id, true, context, approvals))
            .RequireAuthorization(IssuerPolicies.Approver).Accepts<DecideApprovalRequest>("application/json").Produces<ApprovalView>().WithSummary("Approve a pending request");
        api.MapPost("/approvals/{id}/deny", (string id, HttpContext context, ApprovalService approvals) => DecideAsync(id, false, context, approvals))
            .RequireAuthorization(IssuerPolicies.Approver).Accepts<DecideApprovalRequest>("application/json").Produces<ApprovalView>().WithSummary("Deny a pending request");
        api.MapPost("/approvals/{id}/collect", CollectAsync)
            .RequireAuthorization(IssuerPolicies.Admin).Produces<ApprovalView>(StatusCodes.Status201Created).WithSummary("Collect the credential of an approved request (the admin who requested it, once)");
    }

    private static async Task<IResult> DecideAsync(string id, bool approve, HttpContext context, ApprovalService approvals)
    {
        string? reason = null;
        if (!JsonBodyReader.IsEmpty(context.Request))
        {
            var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.DecideApprovalRequest).ConfigureAwait(false);
            if (body.Failed)
            {
                return ProblemWriter.Result(body.Error);
            }

            reason = body.Value.Reason;
        }

        return Respond.With(approvals.Decide(id, approve, reason, Caller.From(context.User)), IssuerJsonContext.Default.ApprovalView);
    }

    private static async Task<IResult> CollectAsync(string id, HttpContext context, ApprovalService approvals)
    {
        var collected = await approvals.CollectAsync(id, Caller.From(context.User).Subject, context.RequestAborted).ConfigureAwait(false);
        return Respond.With(collected, IssuerJsonContext.Default.ApprovalView, StatusCodes.Status201Created);
    }
}
