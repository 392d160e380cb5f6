namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>The <c>details</c> of an <c>approval_voted</c>, <c>approval_granted</c> or <c>approval_denied</c> audit record: who, and the progress (approvals so far of required).</summary>
internal sealed record ApprovalDecidedDetails(string RequestedBy, string? Reason, string? ApproverName, string ApproverPerson, int Approvals, int RequiredApprovals);
