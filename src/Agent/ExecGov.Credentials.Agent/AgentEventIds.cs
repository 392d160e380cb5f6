namespace ExecGov.Credentials.Agent;

/// <summary>
/// The event ids the agent SDK logs with, in its range 4000-4999 (docs/architecture.md, "Event ids"). Stable: a
/// host may filter on them, and the CLI watches <see cref="ApprovalPending"/> to print the approval id.
/// </summary>
public static class AgentEventIds
{
    /// <summary>A credential was issued (Information).</summary>
    public const int CredentialIssued = 4001;

    /// <summary>A credential request waits for a human approver; the state carries <c>ApprovalId</c> (Information).</summary>
    public const int ApprovalPending = 4002;

    /// <summary>Polling a pending approval failed and is retried (Warning).</summary>
    public const int ApprovalPollFailed = 4003;

    /// <summary>No credential was obtained (Warning).</summary>
    public const int CredentialRequestFailed = 4010;
}
