using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Samples.Hosting;

/// <summary>RFC 9457 problem+json for every error a sample answers itself, each with a stable <c>code</c>.</summary>
public static class SampleProblems
{
    /// <summary>The <c>type</c> prefix of the samples' own problems; ExecGov denials use <c>urn:execgov:reason:</c>.</summary>
    public const string TypePrefix = "urn:execgov:sample:";

    /// <summary>A problem with a stable <paramref name="code"/>, e.g. <c>invalid_payment</c>.</summary>
    public static IResult Problem(int status, string code, string title, string? detail = null) =>
        Results.Problem(
            title: title,
            detail: detail,
            statusCode: status,
            type: TypePrefix + code,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Adds problem details with a <c>code</c> for the framework's own errors (404, 405, 400 from binding, 500).</summary>
    internal static IServiceCollection AddSampleProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var code = CodeFor(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            if (context.ProblemDetails.Extensions.TryAdd("code", code))
            {
                context.ProblemDetails.Type = TypePrefix + code;
            }
        });

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "invalid_request",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        >= 500 => "internal_error",
        _ => "error",
    };
}
