using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Health;

/// <summary>The body of <c>/healthz</c>.</summary>
internal sealed record HealthReport
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("status_source")]
    public required string StatusSource { get; init; }

    [JsonPropertyName("status_fresh")]
    public bool? StatusFresh { get; init; }

    [JsonPropertyName("status_oldest_fetched_at")]
    public DateTimeOffset? StatusOldestFetchedAt { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
