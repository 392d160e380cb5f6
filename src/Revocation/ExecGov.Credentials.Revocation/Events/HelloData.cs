using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The <c>data</c> of <c>event: hello</c>: the newest event id and every list's version as of that id.</summary>
internal sealed record HelloData
{
    [JsonPropertyName("last_id")]
    public required long LastId { get; init; }

    [JsonPropertyName("lists")]
    public required IReadOnlyList<ListEventData> Lists { get; init; }
}
