using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary><c>event: key_withdrawn</c>: the issuer withdrew signing key <see cref="KeyId"/> (compromised or retired early); nothing it signed verifies any more.</summary>
internal sealed record KeyWithdrawnEvent
{
    [JsonPropertyName("kid")]
    public required string KeyId { get; init; }
}
