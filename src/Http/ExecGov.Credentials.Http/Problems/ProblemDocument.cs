using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Http.Problems;

/// <summary>
/// An RFC 9457 problem document as every ExecGov.Credentials service writes it: the standard members and this
/// project's extension members, each omitted when null.
/// </summary>
public sealed record ProblemDocument
{
    /// <summary><c>type</c>: a URN naming the problem, <c>urn:execgov:error:&lt;code&gt;</c> for catalogue errors.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary><c>title</c>: what is wrong and how to fix it.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary><c>status</c>: the HTTP status, also the response's.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary><c>detail</c>: the specifics of this occurrence.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary><c>instance</c>: the request path.</summary>
    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary><c>code</c>: the stable error code (docs/errors.md); absent on verifier denials, which carry <see cref="Reason"/>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary><c>field</c>: the request member at fault.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary><c>reason</c>: the verifier's deny reason (docs/reason-codes.md).</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary><c>decision_id</c>: the id of the verifier decision this answer reports.</summary>
    [JsonPropertyName("decision_id")]
    public string? DecisionId { get; init; }
}
