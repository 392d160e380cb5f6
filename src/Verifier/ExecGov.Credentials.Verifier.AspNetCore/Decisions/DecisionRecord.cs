using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// One allow or deny as it is logged and shipped to the issuer's audit trail (docs/decision-records.md).
/// Carries no token, proof or key: only ids and the outcome.
/// </summary>
public sealed record DecisionRecord
{
    /// <summary><c>decision_id</c>: unique per decision (UUIDv7, 32 hex digits).</summary>
    [JsonPropertyName("decision_id")]
    public required string DecisionId { get; init; }

    /// <summary><c>decided_at</c>: when the decision was made (RFC 3339, UTC), as the issuer's <c>POST /v1/decisions</c> names it.</summary>
    [JsonPropertyName("decided_at")]
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary><c>decision</c>: <c>allow</c> or <c>deny</c>.</summary>
    [JsonPropertyName("decision")]
    public required string Outcome { get; init; }

    /// <summary><c>reason</c>: the reason code (docs/reason-codes.md).</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary><c>agent</c>: the credential's <c>sub</c>; null when the credential could not be trusted.</summary>
    [JsonPropertyName("agent")]
    public string? Agent { get; init; }

    /// <summary><c>authoriser</c>: the authoriser's subject id; null when the credential could not be trusted.</summary>
    [JsonPropertyName("authoriser")]
    public string? Authoriser { get; init; }

    /// <summary><c>credential_id</c>: the credential's <c>jti</c>; null when it could not be trusted.</summary>
    [JsonPropertyName("credential_id")]
    public string? CredentialId { get; init; }

    /// <summary><c>session_id</c>: the credential's <c>sid</c>; null when it could not be trusted.</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary><c>issuer</c>: the credential's <c>iss</c>; null when it could not be trusted.</summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; init; }

    /// <summary><c>audience</c>: the audience this verifier decided for.</summary>
    [JsonPropertyName("audience")]
    public string? Audience { get; init; }

    /// <summary><c>action</c>: the action asked for.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary><c>resource</c>: the resource asked for, if any.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    /// <summary>Builds the record of <paramref name="decision"/>.</summary>
    public static DecisionRecord From(Decision decision, string? audience)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionRecord
        {
            DecisionId = decision.DecisionId,
            DecidedAt = decision.DecidedAt,
            Outcome = decision.IsAllowed ? "allow" : "deny",
            Reason = decision.Reason.ToWireString(),
            Agent = decision.AgentId,
            Authoriser = decision.Authoriser?.Subject,
            CredentialId = decision.CredentialId,
            SessionId = decision.SessionId,
            Issuer = decision.Issuer,
            Audience = audience,
            Action = decision.Action,
            Resource = decision.Resource,
        };
    }
}
