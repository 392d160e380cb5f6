using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// Writes a denial: the status of <see cref="DenialStatus"/>, a <c>WWW-Authenticate</c> challenge in the scheme the
/// credential was presented with (RFC 9449 §7.1, RFC 6750 §3):
/// <c>DPoP error="&lt;error&gt;", error_description="&lt;reason code&gt;", algs="EdDSA"</c>, and an RFC 9457 body
/// <c>{"type":"urn:execgov:reason:&lt;reason&gt;","title","status","detail","reason","decision_id"}</c>.
/// <c>error_description</c> is always exactly the reason code, so clients act on it without parsing prose.
/// A request without any credential gets <c>DPoP algs="EdDSA"</c> and no error (RFC 6750 §3.1).
/// </summary>
internal static class DenialResponse
{
    public const string TypePrefix = "urn:execgov:reason:";
    private static readonly string Algorithms = $"algs=\"{ExecGovCredentialDefaults.Algorithms}\"";

    public static Task WriteAsync(HttpContext context, IExecGovDecisionFeature? feature, bool bearerAllowed)
    {
        var response = context.Response;
        ProblemDocument problem;
        if (feature is null)
        {
            // The scheme was asked to challenge an endpoint that declares no action: nothing was decided.
            AppendBareChallenges(response, bearerAllowed);
            problem = new ProblemDocument
            {
                Type = "about:blank",
                Title = "An ExecGov credential is required",
                Status = StatusCodes.Status401Unauthorized,
                Detail = "Present Authorization: DPoP <credential> and a DPoP proof to an endpoint that declares its action.",
            };
        }
        else if (feature.Decision.IsAllowed)
        {
            // Allowed by the credential, refused by another authorization policy of the endpoint.
            response.Headers.Append(HeaderNames.WWWAuthenticate, Challenge(feature.Scheme, DenialStatus.InsufficientScope, reason: null));
            problem = new ProblemDocument
            {
                Type = "about:blank",
                Title = "Forbidden by another policy of this endpoint",
                Status = StatusCodes.Status403Forbidden,
                DecisionId = feature.Decision.DecisionId,
            };
        }
        else
        {
            var decision = feature.Decision;
            var reason = decision.Reason.ToWireString();
            var (status, error) = DenialStatus.Of(decision.Reason);
            if (feature.Scheme == PresentationScheme.None)
            {
                AppendBareChallenges(response, bearerAllowed);
            }
            else
            {
                response.Headers.Append(HeaderNames.WWWAuthenticate, Challenge(feature.Scheme, error, reason));
            }

            problem = new ProblemDocument
            {
                Type = TypePrefix + reason,
                Title = Title(status, feature.Scheme),
                Status = status,
                Detail = decision.Reason.Describe(),
                Reason = reason,
                DecisionId = decision.DecisionId,
            };
        }

        // The one problem writer sets the status, Cache-Control: no-store and the media type.
        return ProblemWriter.WriteAsync(context, problem);
    }

    private static void AppendBareChallenges(HttpResponse response, bool bearerAllowed)
    {
        response.Headers.Append(HeaderNames.WWWAuthenticate, $"{ExecGovCredentialDefaults.DPoPScheme} {Algorithms}");
        if (bearerAllowed)
        {
            response.Headers.Append(HeaderNames.WWWAuthenticate, PresentationReader.BearerScheme);
        }
    }

    private static string Challenge(PresentationScheme scheme, string error, string? reason)
    {
        var description = reason is null ? string.Empty : $", error_description=\"{reason}\"";
        return scheme == PresentationScheme.Bearer
            ? $"{PresentationReader.BearerScheme} error=\"{error}\"{description}"
            : $"{ExecGovCredentialDefaults.DPoPScheme} error=\"{error}\"{description}, {Algorithms}";
    }

    private static string Title(int status, PresentationScheme scheme) => status switch
    {
        _ when scheme == PresentationScheme.None => "An ExecGov credential is required",
        StatusCodes.Status403Forbidden => "The credential does not allow this action",
        StatusCodes.Status401Unauthorized => "The credential or its proof was not accepted",
        _ => "The credential could not be verified now",
    };
}
