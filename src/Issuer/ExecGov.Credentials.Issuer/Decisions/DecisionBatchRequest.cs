namespace ExecGov.Credentials.Issuer.Decisions;

/// <summary>The body of <c>POST /v1/decisions</c>.</summary>
internal sealed record DecisionBatchRequest
{
    /// <summary>The sending verifier's instance name, for the record.</summary>
    public string? Verifier { get; init; }

    public required IReadOnlyList<DecisionRecordInput> Records { get; init; }
}
