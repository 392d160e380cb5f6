using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>The <c>200</c> body of <c>/v1/verify</c>: the decision, with identities as far as the credential could be trusted.</summary>
internal sealed record VerifyResponse
{
    [JsonPropertyName("decision")]
    public required string Outcome { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    [JsonPropertyName("agent")]
    public string? Agent { get; init; }

    [JsonPropertyName("authoriser")]
    public string? Authoriser { get; init; }

    [JsonPropertyName("credential_id")]
    public string? CredentialId { get; init; }

    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonPropertyName("decision_id")]
    public required string DecisionId { get; init; }

    public static VerifyResponse From(Decision decision) => new()
    {
        Outcome = decision.IsAllowed ? "allow" : "deny",
        Reason = decision.Reason.ToWireString(),
        Agent = decision.AgentId,
        Authoriser = decision.Authoriser?.Subject,
        CredentialId = decision.CredentialId,
        SessionId = decision.SessionId,
        ExpiresAt = decision.ExpiresAt,
        DecisionId = decision.DecisionId,
    };
}
