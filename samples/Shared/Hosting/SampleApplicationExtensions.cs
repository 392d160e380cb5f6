using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecGov.Samples.Hosting;

/// <summary>Middleware and endpoints both protected samples map.</summary>
public static class SampleApplicationExtensions
{
    /// <summary>Unhandled exceptions and bodiless error statuses (404, 405, 400 from binding) become problem+json.</summary>
    public static WebApplication UseSampleErrorHandling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// <c>GET /healthz</c>: 200 <c>{"status":"ready"}</c> once every trusted issuer's revocation status is fresh (until
    /// then every credential would be denied <c>status_unavailable</c>), else 503 <c>{"status":"not_ready"}</c>.
    /// Each issuer's entry says why. Anonymous: it reveals no credential or decision.
    /// </summary>
    public static WebApplication MapSampleHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", (StatusListStatusSource status, IOptions<CredentialVerifierOptions> verifier, HttpContext context) =>
        {
            var health = status.GetHealth().ToDictionary(h => h.Issuer, StringComparer.Ordinal);
            var issuers = verifier.Value.Issuers.Select(i => health.TryGetValue(i.Issuer, out var h)
                ? new { issuer = i.Issuer, ready = h.IsReady, detail = h.Detail }
                : new { issuer = i.Issuer, ready = false, detail = "no status yet" }).ToList();
            var ready = issuers.TrueForAll(i => i.ready);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(
                new { status = ready ? "ready" : "not_ready", issuers },
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
