using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The <c>data</c> of <c>event: reset</c>: replay is impossible; refetch every list, then continue after <see cref="LastId"/>.</summary>
internal sealed record ResetData
{
    [JsonPropertyName("last_id")]
    public required long LastId { get; init; }
}
