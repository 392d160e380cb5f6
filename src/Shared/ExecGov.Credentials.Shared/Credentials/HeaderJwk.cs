using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>A <c>jwk</c> header member: the members a proof's key may have. <c>d</c> is read only to refuse it.</summary>
public sealed record HeaderJwk
{
    /// <summary><c>kty</c>; must be <c>OKP</c>.</summary>
    [JsonPropertyName("kty")]
    public string? KeyType { get; init; }

    /// <summary><c>crv</c>; must be <c>Ed25519</c>.</summary>
    [JsonPropertyName("crv")]
    public string? Curve { get; init; }

    /// <summary><c>x</c>: the public key, base64url.</summary>
    [JsonPropertyName("x")]
    public string? X { get; init; }

    /// <summary><c>d</c>: a private key has no place in a header; its presence invalidates the proof.</summary>
    [JsonPropertyName("d")]
    public string? D { get; init; }
}
