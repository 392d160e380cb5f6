namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>The optional body of approve and deny.</summary>
internal sealed record DecideApprovalRequest
{
    public string? Reason { get; init; }
}
