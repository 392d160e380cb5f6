using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>The auditor's read-only view: chain check, recent records, and traces.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", (AuditQueries audit) => Respond.Json(audit.Verify(), IssuerJsonContext.Default.AuditVerifyView))
            .RequireAuthorization(IssuerPolicies.Auditor).Produces<AuditVerifyView>().WithSummary("Check the audit hash chain; report every broken record");
        api.MapGet("/audit/records", ([FromQuery(Name = "limit")] int? limit, AuditQueries audit) =>
                limit is null or (>= 1 and <= 1000)
                    ? Respond.Json(audit.Recent(limit ?? 100), IssuerJsonContext.Default.IReadOnlyListAuditRecordView)
                    : ProblemWriter.Result(ErrorCode.InvalidRequest, "limit must be between 1 and 1000."))
            .RequireAuthorization(IssuerPolicies.Auditor).Produces<IReadOnlyList<AuditRecordView>>().WithSummary("The most recent audit records, oldest first");
        api.MapGet("/audit/trace/{id}", (string id, AuditQueries audit) => Respond.With(audit.Trace(id), IssuerJsonContext.Default.TraceView))
            .RequireAuthorization(IssuerPolicies.Auditor).Produces<TraceView>().WithSummary("Trace a credential id or session id");
    }
}
