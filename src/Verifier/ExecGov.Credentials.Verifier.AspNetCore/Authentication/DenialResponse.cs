using System.Text.Json;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// Maps a deny to its HTTP answer. RFC 6750 §3.1 and RFC 9449 §7.1:
/// no credential → 401 <c>DPoP algs="EdDSA"</c> without an error code;
/// a bad, missing or replayed proof → 401 <c>error="invalid_dpop_proof"</c>;
/// any other credential problem → 401 <c>error="invalid_token"</c>;
/// a valid credential that does not grant the action (<c>scope_denied</c>, <c>constraint_violated</c>) → 403 <c>error="insufficient_scope"</c>.
/// <c>error_description</c> is always the reason code, so clients can act on it without parsing prose.
/// </summary>
internal static class DenialResponse
{
    public const string ProblemContentType = "application/problem+json";
    private const string TypePrefix = "urn:execgov:reason:";

    public static (int Status, string Challenge) Describe(Decision? decision, bool credentialPresented)
    {
        var algs = $"algs=\"{ExecGovCredentialDefaults.Algorithms}\"";
        if (decision is null || !credentialPresented)
        {
            return (StatusCodes.Status401Unauthorized, $"{ExecGovCredentialDefaults.DPoPScheme} {algs}");
        }

        var reason = decision.Reason.ToWireString();
        var (status, error) = decision.Reason switch
        {
            ReasonCode.ScopeDenied or ReasonCode.ConstraintViolated => (StatusCodes.Status403Forbidden, "insufficient_scope"),
            ReasonCode.ProofMissing or ReasonCode.ProofInvalid or ReasonCode.ProofReplayed => (StatusCodes.Status401Unauthorized, "invalid_dpop_proof"),
            _ => (StatusCodes.Status401Unauthorized, "invalid_token"),
        };
        return (status, $"{ExecGovCredentialDefaults.DPoPScheme} error=\"{error}\", error_description=\"{reason}\", {algs}");
    }

    public static Task WriteAsync(HttpContext context, IExecGovDecisionFeature? feature)
    {
        var decision = feature?.Decision;
        var (status, challenge) = Describe(decision, feature?.CredentialPresented ?? false);
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.Append(HeaderNames.WWWAuthenticate, challenge);
        response.Headers.CacheControl = "no-store";
        var problem = decision is null
            ? new DenialProblem
            {
                Type = "about:blank",
                Title = "A DPoP credential is required",
                Status = status,
                Detail = "Present Authorization: DPoP <credential> and a DPoP proof to an endpoint that declares its action.",
            }
            : new DenialProblem
            {
                Type = TypePrefix + decision.Reason.ToWireString(),
                Title = status == StatusCodes.Status403Forbidden ? "The credential does not allow this action" : "The credential was not accepted",
                Status = status,
                Detail = decision.Reason.Describe(),
                Reason = decision.Reason.ToWireString(),
                DecisionId = decision.DecisionId,
            };
        response.ContentType = ProblemContentType;
        return JsonSerializer.SerializeAsync(response.Body, problem, DenialProblemJsonContext.Default.DenialProblem, context.RequestAborted);
    }
}
