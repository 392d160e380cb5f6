using System.Text.Json;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>Writes RFC 9457 problem+json answers with a stable code, for endpoints and middleware alike.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ProblemBody Body(IssuerError error, string? instance) => new(
        IssuerErrors.TypePrefix + IssuerErrors.Code(error.Code),
        IssuerErrors.Message(error.Code),
        IssuerErrors.Status(error.Code),
        error.Detail,
        IssuerErrors.Code(error.Code),
        instance);

    /// <summary>An endpoint result for <paramref name="error"/>.</summary>
    public static IResult Result(IssuerError error) => new ProblemResult(error);

    public static IResult Result(IssuerErrorCode code, string? detail = null) => new ProblemResult(new IssuerError(code, detail));

    /// <summary>Writes <paramref name="error"/> to a response that has not started.</summary>
    public static async Task WriteAsync(HttpContext context, IssuerError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var response = context.Response;
        response.StatusCode = IssuerErrors.Status(error.Code);
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(response.Body, Body(error, context.Request.Path.Value), IssuerJsonContext.Default.ProblemBody, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed class ProblemResult(IssuerError error) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => IssuerErrors.Status(error.Code);

        public string ContentType => Problems.ContentType;

        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, error);
    }
}
