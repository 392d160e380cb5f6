using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary>A list and its version: an entry of <c>hello</c>, and the body of <c>event: list</c>.</summary>
internal sealed record ListVersion
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("version")]
    public required long Version { get; init; }
}
