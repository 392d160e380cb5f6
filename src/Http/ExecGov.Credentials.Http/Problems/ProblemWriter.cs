using System.Text.Json;
using ExecGov.Credentials.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Http.Problems;

/// <summary>
/// The one writer of RFC 9457 <c>application/problem+json</c> answers, for endpoints, middleware and the verifier's
/// denials alike: status, <c>Cache-Control: no-store</c>, and the document. Serialized with a source-generated
/// contract rather than ASP.NET Core's <c>ProblemDetails</c>, whose extension members go through a dictionary of
/// boxed values on every answer; a deny on the verification path is answered as often as an allow.
/// </summary>
public static class ProblemWriter
{
    /// <summary>The media type of every problem answer.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The problem document of <paramref name="error"/>, with <paramref name="instance"/> as its <c>instance</c>.</summary>
    public static ProblemDocument Document(HttpError error, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ProblemDocument
        {
            Type = ErrorCatalogue.Type(error.Code),
            Title = ErrorCatalogue.Title(error.Code),
            Status = ErrorCatalogue.Status(error.Code),
            Detail = error.Detail,
            Instance = instance,
            Code = ErrorCatalogue.Code(error.Code),
            Field = error.Field,
        };
    }

    /// <summary>An endpoint result that writes <paramref name="error"/>.</summary>
    public static IResult Result(HttpError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ProblemResult(error);
    }

    /// <summary>An endpoint result that writes <paramref name="code"/> with <paramref name="detail"/>.</summary>
    public static IResult Result(ErrorCode code, string? detail = null) => new ProblemResult(new HttpError(code, detail));

    /// <summary>Writes <paramref name="code"/> with <paramref name="detail"/> to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext context, ErrorCode code, string? detail = null) =>
        WriteAsync(context, new HttpError(code, detail));

    /// <summary>Writes <paramref name="error"/> to a response that has not started; <c>instance</c> is the request path.</summary>
    public static Task WriteAsync(HttpContext context, HttpError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context, Document(error, context.Request.Path.Value));
    }

    /// <summary>Writes <paramref name="problem"/> with its status to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext context, ProblemDocument problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(response.Body, problem, ProblemJsonContext.Default.ProblemDocument, context.RequestAborted);
    }
}
