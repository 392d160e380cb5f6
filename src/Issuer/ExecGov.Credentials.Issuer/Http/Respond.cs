using System.Text.Json.Serialization.Metadata;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Errors;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>Turns a service result into an HTTP answer: JSON on success, problem+json otherwise.</summary>
internal static class Respond
{
    public static IResult With<T>(IssuerResult<T> result, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        result.Failed ? ProblemWriter.Result(result.Error) : Json(result.Value, typeInfo, status);

    public static IResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        Results.Json(value, typeInfo, contentType: "application/json", statusCode: status);
}
