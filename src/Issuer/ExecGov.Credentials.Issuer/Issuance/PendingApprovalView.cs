namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>The <c>202</c> answer when a request is consequential and waits for an approver.</summary>
internal sealed record PendingApprovalView
{
    public required string ApprovalId { get; init; }

    /// <summary>Always <c>pending</c>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Why the request needs approval.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>How many approvers (distinct persons) must approve.</summary>
    public int RequiredApprovals { get; init; } = 1;
}
