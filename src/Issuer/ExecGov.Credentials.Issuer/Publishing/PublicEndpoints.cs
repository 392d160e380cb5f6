using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ExecGov.Credentials.Issuer.Publishing;

/// <summary>What anyone may read: the JWKS, the issuer metadata and readiness.</summary>
internal static class PublicEndpoints
{
    public static void MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", (HttpContext context, KeyRing keys, TimeProvider time) =>
            {
                var published = keys.Current.PublishedKeys(time.GetUtcNow())
                    .Select(k => k.ToPublicJwk())
                    .Select(j => new PublishedJwk(j.Kty, j.Crv, j.X, j.Kid, j.Use, j.Alg))
                    .ToList();
                context.Response.Headers.CacheControl = "public, max-age=60";
                return Results.Json(new JwksDocument(published), IssuerJsonContext.Default.JwksDocument, contentType: "application/jwk-set+json");
            })
            .AllowAnonymous().WithSummary("The credential signing keys (RFC 7517 JWKS)");
        app.MapGet("/.well-known/execgov-issuer", (IssuerUris uris) => Respond.Json(
                new IssuerMetadata(uris.Issuer, uris.Jwks, uris.StatusListBase, uris.StatusEvents, uris.TokenEndpoint, uris.ApiBase, uris.AgentApiBase,
                    uris.Base + "/openapi/v1.json", ["client_secret_basic", "client_secret_post", "private_key_jwt"], [EdDsa.Algorithm]),
                IssuerJsonContext.Default.IssuerMetadata))
            .AllowAnonymous().Produces<IssuerMetadata>().WithSummary("Issuer metadata");
        app.MapGet("/healthz", (KeyRing keys, StoreReadiness store) => store.IsWritable()
                ? Respond.Json(new HealthView("ready", keys.ActiveKey.KeyId), IssuerJsonContext.Default.HealthView)
                : Respond.Json(new HealthView("not_ready", keys.ActiveKey.KeyId), IssuerJsonContext.Default.HealthView, StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().Produces<HealthView>().Produces<HealthView>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Readiness: ready only while the store takes writes (probed at most every 5 s)");
    }
}
