using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The <c>data</c> of <c>event: key_withdrawn</c>: the signing key <see cref="KeyId"/> must no longer verify anything.</summary>
internal sealed record KeyWithdrawnData
{
    [JsonPropertyName("kid")]
    public required string KeyId { get; init; }
}
