using System.Text.Json.Serialization;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Agent.Issuer;

/// <summary>The body of <c>POST /v1/agent/credentials</c> (docs/http-api.md).</summary>
internal sealed record CredentialRequestBody
{
    [JsonPropertyName("audience")]
    public required IReadOnlyList<string> Audience { get; init; }

    [JsonPropertyName("authorization_details")]
    public required IReadOnlyList<AuthorizationDetail> AuthorizationDetails { get; init; }

    [JsonPropertyName("lifetime_seconds")]
    public long? LifetimeSeconds { get; init; }

    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }
}
