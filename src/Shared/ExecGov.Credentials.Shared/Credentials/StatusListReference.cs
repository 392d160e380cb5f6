using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>An index into a status list published at <see cref="Uri"/>.</summary>
public sealed record StatusListReference
{
    /// <summary>The credential's index in the list (non-negative).</summary>
    [JsonPropertyName("idx")]
    public required int Index { get; init; }

    /// <summary>The status list token's URI (equals its <c>sub</c>).</summary>
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }
}
