using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// The JOSE header members a verifier looks at. Members that would point at keys (<c>jku</c>, <c>x5u</c>,
/// <c>x5c</c>, and <c>jwk</c> on a credential) are read only so that their presence can be reasoned about;
/// keys come from configuration, never from the token (RFC 8725 §3.10).
/// </summary>
public sealed record JoseHeader
{
    /// <summary><c>alg</c>.</summary>
    [JsonPropertyName("alg")]
    public string? Algorithm { get; init; }

    /// <summary><c>typ</c>.</summary>
    [JsonPropertyName("typ")]
    public string? Type { get; init; }

    /// <summary><c>kid</c>.</summary>
    [JsonPropertyName("kid")]
    public string? KeyId { get; init; }

    /// <summary><c>crit</c>: extensions the receiver must understand; this project understands none.</summary>
    [JsonPropertyName("crit")]
    public JsonElement? Critical { get; init; }

    /// <summary><c>jwk</c>: only a proof's own public key is ever read from here.</summary>
    [JsonPropertyName("jwk")]
    public HeaderJwk? Jwk { get; init; }

    /// <summary><c>jku</c>: read only to reason about its presence; never followed (RFC 8725 §3.10).</summary>
    [JsonPropertyName("jku")]
    public JsonElement? JwkSetUrl { get; init; }

    /// <summary><c>x5u</c>: read only to reason about its presence; never followed.</summary>
    [JsonPropertyName("x5u")]
    public JsonElement? X509Url { get; init; }

    /// <summary><c>x5c</c>: read only to reason about its presence; never used as a key.</summary>
    [JsonPropertyName("x5c")]
    public JsonElement? X509Chain { get; init; }

    /// <summary><c>b64</c> (RFC 7797): unencoded payloads are not accepted.</summary>
    [JsonPropertyName("b64")]
    public JsonElement? Base64Payload { get; init; }

    /// <summary><c>zip</c>: compressed payloads are not accepted (a JWE-only member in any case).</summary>
    [JsonPropertyName("zip")]
    public JsonElement? Compression { get; init; }
}
