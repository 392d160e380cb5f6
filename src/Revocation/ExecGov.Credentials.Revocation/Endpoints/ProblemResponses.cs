using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Revocation.Endpoints;

/// <summary>Writes RFC 9457 problems (<c>application/problem+json</c>) for the revocation endpoints.</summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static Task WriteAsync(HttpContext context, RevocationErrorCode code, string? detail = null)
    {
        var problem = RevocationProblem.For(code, detail);
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ContentType;
        return JsonSerializer.SerializeAsync(context.Response.Body, problem, RevocationJsonContext.Default.RevocationProblem, context.RequestAborted);
    }
}
