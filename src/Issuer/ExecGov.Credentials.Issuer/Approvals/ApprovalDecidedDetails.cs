namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>The <c>details</c> of an <c>approval_granted</c> or <c>approval_denied</c> audit record.</summary>
internal sealed record ApprovalDecidedDetails(string RequestedBy, string? Reason, string? ApproverName);
