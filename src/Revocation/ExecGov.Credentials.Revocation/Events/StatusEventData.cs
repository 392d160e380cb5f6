using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The <c>data</c> of <c>event: status</c>: after this change every index in <see cref="Indices"/> has <see cref="Status"/>.</summary>
internal sealed record StatusEventData
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
