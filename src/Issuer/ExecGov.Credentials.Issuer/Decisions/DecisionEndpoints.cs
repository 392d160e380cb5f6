using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Decisions;

/// <summary><c>POST /v1/decisions</c>: verifiers ship their decision records into the audit trail.</summary>
internal static class DecisionEndpoints
{
    /// <summary>A batch of 500 records of a few hundred bytes each fits comfortably.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    public static void MapDecisionEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/decisions", async (HttpContext context, DecisionRecorder recorder) =>
            {
                var body = await JsonBodyReader.ReadAsync(context.Request, IssuerJsonContext.Default.DecisionBatchRequest, MaxBodyBytes).ConfigureAwait(false);
                return body.Failed
                    ? ProblemWriter.Result(body.Error)
                    : Respond.With(recorder.Record(body.Value, Caller.From(context.User)), IssuerJsonContext.Default.DecisionBatchView);
            })
            .RequireAuthorization(IssuerPolicies.Verifier).Accepts<DecisionBatchRequest>("application/json").Produces<DecisionBatchView>()
            .WithSummary("Record a batch of verifier decisions (idempotent by decision_id)");
}
