namespace ExecGov.Credentials.Issuer.Revocations;

/// <summary>The <c>details</c> of a <c>revocation_recorded</c> audit record.</summary>
internal sealed record RevocationRecordedDetails(long ActId, string Scope, string Target, string Action, string Reason, int Covered, int Changed, DateTimeOffset ChangedAt);
