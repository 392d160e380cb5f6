using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The <c>data</c> of <c>event: heartbeat</c>: the client has been sent everything up to <see cref="LastId"/>.</summary>
internal sealed record HeartbeatData
{
    [JsonPropertyName("last_id")]
    public required long LastId { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("at")]
    public required long At { get; init; }
}
