using ExecGov.Credentials.Verifier.Endpoint.Status;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Endpoint.Health;

/// <summary>
/// <c>GET /healthz</c>: readiness per trusted issuer. Ready (200) only when every issuer's keys are loaded and not
/// older than three JWKS refresh intervals, and its revocation status is fresh (docs/verifier.md); otherwise 503,
/// so an orchestrator stops sending traffic to a verifier that would deny it all with <c>status_unavailable</c>.
/// </summary>
internal static class HealthHandler
{
    public static IResult Handle(
        HttpContext context,
        IOptions<CredentialVerifierOptions> verifierOptions,
        IOptions<VerifierEndpointOptions> endpointOptions,
        IIssuerKeySource keys,
        TimeProvider time,
        IServiceProvider services)
    {
        var now = time.GetUtcNow();
        var statusLists = services.GetService<StatusListStatusSource>();
        var options = verifierOptions.Value;
        var statusHealth = statusLists?.GetHealth().ToDictionary(h => h.Issuer, StringComparer.Ordinal);
        var issuers = new List<IssuerHealthReport>(options.Issuers.Count);
        foreach (var issuer in options.Issuers)
        {
            var keyReport = Keys(keys, issuer.Issuer, options, now);
            var statusReport = endpointOptions.Value.StatusSource == StatusSourceMode.InMemory
                ? new StatusHealthReport { Ready = true, Detail = "in-memory status source (tests only)" }
                : Status(statusHealth?.GetValueOrDefault(issuer.Issuer));
            issuers.Add(new IssuerHealthReport { Issuer = issuer.Issuer, Ready = keyReport.Ready && statusReport.Ready, Keys = keyReport, Status = statusReport });
        }

        var ready = issuers.TrueForAll(i => i.Ready);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(
            new HealthReport
            {
                Status = ready ? "ready" : "not_ready",
                StatusSource = endpointOptions.Value.StatusSource == StatusSourceMode.InMemory ? "in_memory" : "status_list",
                Issuers = issuers,
            },
            EndpointJsonContext.Default.HealthReport,
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static KeysHealthReport Keys(IIssuerKeySource keys, string issuer, CredentialVerifierOptions options, DateTimeOffset now)
    {
        if (keys is not JwksIssuerKeySource jwks || jwks.GetKeySetState(issuer) is not { } state)
        {
            return new KeysHealthReport { Ready = true, Count = 0, Detail = "keys come from a custom key source" };
        }

        if (state.KeyCount == 0)
        {
            return new KeysHealthReport { Ready = false, Count = 0, Detail = "the issuer's JWKS has not been read yet (or holds no Ed25519 key)" };
        }

        var stale = state.LoadedAt is { } loaded && now - loaded > 3 * options.JwksRefreshInterval;
        return new KeysHealthReport
        {
            Ready = !stale,
            Count = state.KeyCount,
            LoadedAt = state.LoadedAt,
            Detail = stale ? "the issuer's JWKS could not be refreshed for three refresh intervals; known keys are still used" : "keys loaded",
        };
    }

    private static StatusHealthReport Status(IssuerStatusHealth? health) => health is null
        ? new StatusHealthReport { Ready = false, Detail = "no status source answers for this issuer" }
        : new StatusHealthReport
        {
            Ready = health.IsReady,
            StreamConnected = health.StreamConnected,
            Lists = health.Lists,
            StaleLists = health.StaleLists,
            OldestConfirmedAt = health.OldestConfirmedAt,
            LastHeardAt = health.LastHeardAt,
            Detail = health.Detail,
        };
}
