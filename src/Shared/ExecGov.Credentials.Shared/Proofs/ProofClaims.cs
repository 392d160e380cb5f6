using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Proofs;

/// <summary>The claims of a holder proof, as in an RFC 9449 DPoP proof.</summary>
public sealed record ProofClaims
{
    /// <summary><c>jti</c>: unique per proof; replays are refused.</summary>
    [JsonPropertyName("jti")]
    public required string Id { get; init; }

    /// <summary><c>htm</c>: the HTTP method (for an MCP tool call, <c>POST</c>: the request to the MCP endpoint that carries it).</summary>
    [JsonPropertyName("htm")]
    public required string Method { get; init; }

    /// <summary><c>htu</c>: the target URI without query or fragment.</summary>
    [JsonPropertyName("htu")]
    public required string Uri { get; init; }

    /// <summary><c>iat</c>: when the proof was made, seconds since the Unix epoch.</summary>
    [JsonPropertyName("iat")]
    public required long IssuedAt { get; init; }

    /// <summary><c>ath</c>: base64url SHA-256 of the credential presented with it.</summary>
    [JsonPropertyName("ath")]
    public required string CredentialHash { get; init; }

    /// <summary><c>nonce</c>: a server-provided nonce, when the server asks for one.</summary>
    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }
}
