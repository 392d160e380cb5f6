using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Health;

/// <summary>An issuer's keys in <c>/healthz</c>.</summary>
internal sealed record KeysHealthReport
{
    [JsonPropertyName("ready")]
    public required bool Ready { get; init; }

    [JsonPropertyName("count")]
    public required int Count { get; init; }

    [JsonPropertyName("loaded_at")]
    public DateTimeOffset? LoadedAt { get; init; }

    [JsonPropertyName("detail")]
    public required string Detail { get; init; }
}
