using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>The RFC 9457 problem body of a denial, with the reason code and decision id as extension members.</summary>
internal sealed record DenialProblem
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("decision_id")]
    public string? DecisionId { get; init; }
}
