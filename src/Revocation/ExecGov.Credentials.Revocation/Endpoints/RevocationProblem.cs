using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Endpoints;

/// <summary>An RFC 9457 problem answered by the revocation endpoints, with a stable <see cref="Code"/>.</summary>
public sealed record RevocationProblem
{
    /// <summary><c>type</c>: <see cref="RevocationErrors.TypePrefix"/> followed by the code.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary><c>title</c>: what is wrong and how to fix it.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary><c>status</c>: the HTTP status.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary><c>detail</c>: the specifics of this occurrence.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    /// <summary><c>code</c>: the stable error code.</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>Builds the problem for <paramref name="code"/>.</summary>
    public static RevocationProblem For(RevocationErrorCode code, string? detail = null) => new()
    {
        Type = RevocationErrors.TypePrefix + RevocationErrors.Code(code),
        Title = RevocationErrors.Message(code),
        Status = RevocationErrors.Status(code),
        Detail = detail ?? RevocationErrors.Message(code),
        Code = RevocationErrors.Code(code),
    };
}
