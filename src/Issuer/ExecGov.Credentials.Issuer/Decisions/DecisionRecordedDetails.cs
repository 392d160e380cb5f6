namespace ExecGov.Credentials.Issuer.Decisions;

/// <summary>The <c>details</c> of a <c>decision_recorded</c> audit record.</summary>
internal sealed record DecisionRecordedDetails(
    string DecisionId,
    DateTimeOffset DecidedAt,
    string Decision,
    string Reason,
    string? Authoriser,
    string? Issuer,
    string? Action,
    string? Resource,
    string? Audience,
    string? Verifier);
