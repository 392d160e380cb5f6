using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>The body of one shipment: <c>{"verifier": …, "records": [ … ]}</c>.</summary>
public sealed record DecisionRecordBatch
{
    /// <summary><c>verifier</c>: the shipping verifier's instance name.</summary>
    [JsonPropertyName("verifier")]
    public required string Verifier { get; init; }

    /// <summary><c>records</c>: one to <see cref="DecisionShipperOptions.MaxBatchSize"/> records, oldest first.</summary>
    [JsonPropertyName("records")]
    public required IReadOnlyList<DecisionRecord> Records { get; init; }
}
