using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Decisions;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Publishing;
using ExecGov.Credentials.Issuer.SelfService;
using ExecGov.Credentials.Revocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>Wires the issuer's middleware and endpoints into a host built with <see cref="IssuerServiceCollectionExtensions.AddIssuer"/>.</summary>
public static class IssuerApplicationExtensions
{
    /// <summary>
    /// Adds problem+json for every error (exceptions, 401/403/404/405/413/415/429), rate limiting,
    /// authentication (and with it the embedded token endpoint), authorization, and maps the public endpoints,
    /// the admin API under <c>/v1</c> (with <c>POST /v1/revocations</c> for responders), the agent API under
    /// <c>/v1/agent</c>, the status lists and their event stream, and the OpenAPI document.
    /// </summary>
    public static WebApplication MapIssuerApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is BadHttpRequestException bad)
            {
                // Kestrel's own refusals (body too large, malformed framing) keep their status.
                await ProblemWriter.WriteAsync(context, new HttpError(ErrorCatalogue.ForStatus(bad.StatusCode))).ConfigureAwait(false);
                return;
            }

            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ExecGov.Credentials.Issuer");
            IssuerLog.UnhandledError(logger, error ?? new InvalidOperationException("unknown"), LogText.Escape(context.Request.Method)!, LogText.Escape(context.Request.Path.Value) ?? "/");
            await ProblemWriter.WriteAsync(context, new HttpError(ErrorCode.InternalError)).ConfigureAwait(false);
        }));
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            if (response.HasStarted || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType))
            {
                return;
            }

            // A 403 names the role the caller lacks, so the person knows what to ask for.
            var detail = response.StatusCode == StatusCodes.Status403Forbidden ? await MissingRoles.DescribeAsync(context.HttpContext).ConfigureAwait(false) : null;
            await ProblemWriter.WriteAsync(context.HttpContext, new HttpError(ErrorCatalogue.ForStatus(response.StatusCode), detail)).ConfigureAwait(false);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPublicEndpoints();
        var api = app.MapGroup("/v1");
        api.MapAdminClientEndpoints();
        api.MapAgentEndpoints();
        api.MapCredentialEndpoints();
        api.MapApprovalEndpoints();
        api.MapKeyEndpoints();
        api.MapAuditEndpoints();
        api.MapDecisionEndpoints();
        app.MapGroup("/v1/agent").MapAgentApiEndpoints();

        // Status lists and their event stream are public (verifiers fetch them anonymously); acts need a responder.
        app.MapRevocationEndpoints().AllowAnonymous();
        app.MapRevocationAdminEndpoints(IssuerPolicies.Responder);
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
