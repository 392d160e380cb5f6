using System.Text.Json;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Signing.Keys;
using ExecGov.Credentials.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Issuer.Keys;

/// <summary>The signing keys seen from the admin API: list and rotate (never private material).</summary>
internal static class KeyEndpoints
{
    public static void MapKeyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/keys", (KeyRing keys, TimeProvider time) => Respond.Json(List(keys, time), IssuerJsonContext.Default.IReadOnlyListKeyView))
            .RequireAuthorization(IssuerPolicies.KeyReaders).Produces<IReadOnlyList<KeyView>>().WithSummary("List the credential signing keys");
        api.MapPost("/keys/rotate", Rotate)
            .RequireAuthorization(IssuerPolicies.Admin).Produces<IReadOnlyList<KeyView>>().WithSummary("Rotate: a new active key; the old one retires but stays published");
    }

    private static IResult Rotate(HttpContext context, KeyRing keys, IExecGovStore store, AuditLog audit, TimeProvider time, ILoggerFactory loggers)
    {
        var caller = Caller.From(context.User);
        var previous = keys.ActiveKey.KeyId;
        SigningKeyInfo fresh;
        try
        {
            fresh = keys.Rotate();
        }
        catch (KeySetException ex)
        {
            // The keyset file could not be rewritten (permissions, disk); the loaded keys are unchanged.
            return ProblemWriter.Result(ErrorCode.InternalError, "The keyset file could not be rotated: " + ex.Message);
        }

        var retired = keys.Current.Keys.FirstOrDefault(k => string.Equals(k.KeyId, previous, StringComparison.Ordinal));
        store.Write<bool>(() =>
        {
            audit.Append(new AuditEntry(AuditEventKinds.KeyRotated, caller.Subject,
                Details: JsonSerializer.Serialize(new KeyRotatedDetails(fresh.KeyId, previous, retired?.VerifyUntil), IssuerJsonContext.Default.KeyRotatedDetails)));
            return true;
        });
        IssuerLog.KeyRotated(loggers.CreateLogger("ExecGov.Credentials.Issuer.Keys"), fresh.KeyId);
        return Respond.Json(List(keys, time), IssuerJsonContext.Default.IReadOnlyListKeyView);
    }

    private static IReadOnlyList<KeyView> List(KeyRing keys, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return keys.Current.Keys.Select(k => new KeyView
        {
            Kid = k.KeyId,
            Status = k.Status.ToString().ToLowerInvariant(),
            CreatedAt = k.CreatedAt,
            RetiredAt = k.RetiredAt,
            VerifyUntil = k.VerifyUntil,
            Published = k.IsPublishedAt(now),
        }).ToList();
    }
}
