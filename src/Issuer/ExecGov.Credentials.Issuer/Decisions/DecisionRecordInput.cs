namespace ExecGov.Credentials.Issuer.Decisions;

/// <summary>One decision record from a verifier: ids and the outcome, never a token.</summary>
internal sealed record DecisionRecordInput
{
    public required string DecisionId { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>The reason code (docs/reason-codes.md).</summary>
    public required string Reason { get; init; }

    public string? Agent { get; init; }

    public string? Authoriser { get; init; }

    public string? CredentialId { get; init; }

    public string? SessionId { get; init; }

    public string? Issuer { get; init; }

    public string? Action { get; init; }

    public string? Resource { get; init; }

    public string? Audience { get; init; }
}
