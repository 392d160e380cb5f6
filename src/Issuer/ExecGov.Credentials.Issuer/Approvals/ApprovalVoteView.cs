namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>One approver's approval, as the API shows it.</summary>
internal sealed record ApprovalVoteView(string Subject, string Person, string? Name, DateTimeOffset At, string? Reason);
