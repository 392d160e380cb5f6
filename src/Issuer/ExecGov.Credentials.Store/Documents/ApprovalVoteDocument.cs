namespace ExecGov.Credentials.Store;

/// <summary>One approver's approval of a request (within <see cref="ApprovalDocument.Votes"/>). Times are Unix milliseconds.</summary>
internal sealed class ApprovalVoteDocument
{
    public string Subject { get; set; } = string.Empty;

    public string Person { get; set; } = string.Empty;

    public string? Name { get; set; }

    public long At { get; set; }

    public string? Reason { get; set; }
}
