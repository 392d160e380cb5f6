using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>The RFC 9457 body of a refused <c>/v1/verify</c> request, with a stable <c>code</c>.</summary>
internal sealed record VerifyProblem
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("field")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    public static VerifyProblem From(VerifyError error) => new()
    {
        Type = "urn:execgov:verify-error:" + error.Code,
        Title = "The verify request is not acceptable",
        Status = error.Status,
        Detail = error.Detail,
        Code = error.Code,
        Field = error.Field,
    };
}
