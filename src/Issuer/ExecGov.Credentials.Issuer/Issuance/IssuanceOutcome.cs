namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>What a request for a credential led to: a credential at once, or a pending approval.</summary>
internal sealed record IssuanceOutcome(IssuedCredentialView? Issued, PendingApprovalView? Pending);
