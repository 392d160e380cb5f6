using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary><c>event: hello</c>, the first message on every connection: the newest event id and every list's current version.</summary>
internal sealed record HelloEvent
{
    [JsonPropertyName("last_id")]
    public required long LastId { get; init; }

    [JsonPropertyName("lists")]
    public required IReadOnlyList<ListVersion> Lists { get; init; }
}
