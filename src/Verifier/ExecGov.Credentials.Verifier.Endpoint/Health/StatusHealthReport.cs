using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Health;

/// <summary>An issuer's revocation status freshness in <c>/healthz</c>.</summary>
internal sealed record StatusHealthReport
{
    [JsonPropertyName("ready")]
    public required bool Ready { get; init; }

    [JsonPropertyName("stream_connected")]
    public bool? StreamConnected { get; init; }

    [JsonPropertyName("lists")]
    public int? Lists { get; init; }

    [JsonPropertyName("stale_lists")]
    public int? StaleLists { get; init; }

    [JsonPropertyName("oldest_confirmed_at")]
    public DateTimeOffset? OldestConfirmedAt { get; init; }

    [JsonPropertyName("last_heard_at")]
    public DateTimeOffset? LastHeardAt { get; init; }

    [JsonPropertyName("detail")]
    public required string Detail { get; init; }
}
