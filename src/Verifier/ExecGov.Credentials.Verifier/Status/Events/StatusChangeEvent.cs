using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary><c>event: status</c>: after this change every index in <see cref="Indices"/> has <see cref="Status"/> and the list is at <see cref="Version"/>.</summary>
internal sealed record StatusChangeEvent
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("version")]
    public required long Version { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("idx")]
    public required IReadOnlyList<int> Indices { get; init; }
}
