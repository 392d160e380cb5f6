using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary><c>event: reset</c>: the server cannot replay from the <c>Last-Event-ID</c> sent; every held list must be refetched.</summary>
internal sealed record ResetEvent
{
    [JsonPropertyName("last_id")]
    public required long LastId { get; init; }
}
