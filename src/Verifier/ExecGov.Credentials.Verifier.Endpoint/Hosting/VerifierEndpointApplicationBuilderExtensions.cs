using ExecGov.Credentials.Verifier.Endpoint.Health;
using ExecGov.Credentials.Verifier.Endpoint.Verify;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the verifier endpoint's routes (docs/verifier.md).</summary>
public static class VerifierEndpointApplicationBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /v1/verify</c> and <c>GET /healthz</c>, and answers every other error (unknown route, wrong method,
    /// unexpected fault) with RFC 9457 problem+json.
    /// </summary>
    public static WebApplication MapVerifierEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapPost("/v1/verify", VerifyHandler.HandleAsync);
        app.MapGet("/healthz", HealthHandler.Handle);
        return app;
    }
}
