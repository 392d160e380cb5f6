using System.Text.Json.Serialization;

namespace ExecGov.Samples.Ledger;

/// <summary>One action the sample executed, with the decision that allowed it and who authorised that.</summary>
public sealed record LedgerEntry
{
    /// <summary>1, 2, 3, … in the order actions executed.</summary>
    [JsonPropertyName("sequence")]
    public required long Sequence { get; init; }

    /// <summary>When the action executed.</summary>
    [JsonPropertyName("executed_at")]
    public required DateTimeOffset ExecutedAt { get; init; }

    /// <summary>The action, e.g. <c>payments.release</c>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>The resource, e.g. <c>invoice:2026-118</c>.</summary>
    [JsonPropertyName("resource")]
    public required string Resource { get; init; }

    /// <summary>The amount released, for a payment.</summary>
    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    /// <summary>The currency, for a payment.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>The destination account, for a payment.</summary>
    [JsonPropertyName("destination")]
    public string? Destination { get; init; }

    /// <summary>The agent that acted (the credential's <c>sub</c>).</summary>
    [JsonPropertyName("agent")]
    public string? Agent { get; init; }

    /// <summary>The human who authorised the credential.</summary>
    [JsonPropertyName("authoriser")]
    public string? Authoriser { get; init; }

    /// <summary>The credential's id.</summary>
    [JsonPropertyName("credential_id")]
    public string? CredentialId { get; init; }

    /// <summary>The allow decision's id, as in the log and the issuer's audit trail.</summary>
    [JsonPropertyName("decision_id")]
    public string? DecisionId { get; init; }
}
