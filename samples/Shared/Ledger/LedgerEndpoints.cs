using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Samples.Ledger;

/// <summary>The ledger, read-only over HTTP.</summary>
public static class LedgerEndpoints
{
    /// <summary>
    /// Maps <c>GET <paramref name="pattern"/></c> → <c>{"count": n, "entries": [ … ]}</c>. Anonymous and read-only, for a
    /// demo on loopback: it names agents and authorisers, so a real service would protect or drop it.
    /// </summary>
    public static IEndpointConventionBuilder MapLedger(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(pattern, (ExecutionLedger ledger, HttpContext context) =>
        {
            var entries = ledger.Snapshot();
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { count = entries.Count, entries });
        });
    }
}
