using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Assertions;

/// <summary>
/// The claims of an agent assertion: the short-lived JWT an agent signs with its registered key to
/// authenticate to the issuer's self-service API (docs/agent-sdk.md, "Agent assertion"). Shaped like an
/// RFC 7523 client assertion: <c>iss</c> = <c>sub</c> = the agent id, <c>aud</c> = the issuer.
/// </summary>
public sealed record AgentAssertionClaims
{
    /// <summary>The longest lifetime an assertion may have (<c>exp</c> - <c>iat</c>): 60 seconds.</summary>
    public const int MaxLifetimeSeconds = 60;

    /// <summary><c>iss</c>: the agent id; must equal <see cref="Subject"/>.</summary>
    [JsonPropertyName("iss")]
    public required string Issuer { get; init; }

    /// <summary><c>sub</c>: the agent id.</summary>
    [JsonPropertyName("sub")]
    public required string Subject { get; init; }

    /// <summary><c>aud</c>: the issuer's identifier (its base URL), a single string.</summary>
    [JsonPropertyName("aud")]
    public required string Audience { get; init; }

    /// <summary><c>iat</c>: when it was made, seconds since the Unix epoch.</summary>
    [JsonPropertyName("iat")]
    public required long IssuedAt { get; init; }

    /// <summary><c>exp</c>: at most <see cref="MaxLifetimeSeconds"/> after <see cref="IssuedAt"/>.</summary>
    [JsonPropertyName("exp")]
    public required long Expires { get; init; }

    /// <summary><c>jti</c>: unique per assertion; the issuer refuses a second use.</summary>
    [JsonPropertyName("jti")]
    public required string Id { get; init; }
}
