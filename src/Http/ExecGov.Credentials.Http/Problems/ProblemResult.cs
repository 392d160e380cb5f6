using ExecGov.Credentials.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Http.Problems;

/// <summary>The endpoint result of <see cref="ProblemWriter.Result(HttpError)"/>.</summary>
internal sealed class ProblemResult(HttpError error) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public HttpError Error => error;

    public int? StatusCode => ErrorCatalogue.Status(error.Code);

    public string ContentType => ProblemWriter.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemWriter.WriteAsync(httpContext, error);
}
