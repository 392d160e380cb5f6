using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// One change to one status list, as pushed on the event stream (SSE <c>id</c> = <see cref="Id"/>,
/// <c>event: status</c>, <c>data</c> = this record as JSON). See docs/revocation.md.
/// </summary>
public sealed record RevocationEvent
{
    /// <summary>The event sequence number: strictly increasing, gap-free, persisted.</summary>
    [JsonIgnore]
    public long Id { get; init; }

    /// <summary>The list's URI (its token's <c>sub</c>).</summary>
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    /// <summary>The list's version after this change; versions of one list increase by exactly one per change.</summary>
    [JsonPropertyName("version")]
    public required long Version { get; init; }

    /// <summary>The new status (0 valid, 1 invalid, 2 suspended) of every index in <see cref="Indices"/>.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary>The indices that changed.</summary>
    [JsonPropertyName("idx")]
    public required IReadOnlyList<int> Indices { get; init; }
}
