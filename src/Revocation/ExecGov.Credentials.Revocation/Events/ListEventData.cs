using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The <c>data</c> of <c>event: list</c> (a new list, at version 0), and one entry of <c>hello</c>'s <c>lists</c>.</summary>
internal sealed record ListEventData
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("version")]
    public required long Version { get; init; }
}
