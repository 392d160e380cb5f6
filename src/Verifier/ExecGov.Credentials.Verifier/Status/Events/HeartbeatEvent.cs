using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary><c>event: heartbeat</c>: the stream is alive and the newest event id is <see cref="LastId"/>.</summary>
internal sealed record HeartbeatEvent
{
    [JsonPropertyName("last_id")]
    public required long LastId { get; init; }

    [JsonPropertyName("at")]
    public long? At { get; init; }
}
