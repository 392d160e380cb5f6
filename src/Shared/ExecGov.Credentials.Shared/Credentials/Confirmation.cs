using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>The RFC 7800 <c>cnf</c> claim: the holder's key, by its RFC 7638 thumbprint (RFC 9449 §6.1).</summary>
public sealed record Confirmation
{
    /// <summary>Thumbprint of the agent's Ed25519 public key.</summary>
    [JsonPropertyName("jkt")]
    public required string KeyThumbprint { get; init; }
}
