using System.Text.Json.Serialization;

namespace ExecGov.Credentials.LoadTest;

/// <summary>The body of <c>POST /v1/verify</c> (docs/verifier.md) as a target service sends it.</summary>
internal sealed record VerifyBody
{
    [JsonPropertyName("credential")]
    public required string Credential { get; init; }

    [JsonPropertyName("proof")]
    public required string Proof { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("action")]
    public required string Action { get; init; }

    [JsonPropertyName("resource")]
    public required string Resource { get; init; }

    [JsonPropertyName("context")]
    public required Dictionary<string, string> Context { get; init; }
}
