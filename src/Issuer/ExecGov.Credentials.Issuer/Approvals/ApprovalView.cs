using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Issuance;

namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>An approval request as the API shows it.</summary>
internal sealed record ApprovalView
{
    public required string ApprovalId { get; init; }

    /// <summary><c>credential</c> or <c>admin_client</c> (a change granting the approver role).</summary>
    public required string Kind { get; init; }

    /// <summary>The agent of a credential request; absent for an admin-client request.</summary>
    public string? AgentId { get; init; }

    /// <summary>For an admin-client request: the client change waiting for approval.</summary>
    public Admins.PendingAdminClient? AdminClient { get; init; }

    /// <summary><c>pending</c>, <c>approved</c>, <c>denied</c>, <c>expired</c> or <c>collected</c>.</summary>
    public required string Status { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Until when a pending request may be decided, or an approved one collected.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public required IReadOnlyList<string> Audience { get; init; }

    public required IReadOnlyList<AuthorizationDetail> AuthorizationDetails { get; init; }

    public required long LifetimeSeconds { get; init; }

    public string? SessionId { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>How many approvers (distinct persons) must approve.</summary>
    public required int RequiredApprovals { get; init; }

    /// <summary>The approvals so far, in order: the progress towards <see cref="RequiredApprovals"/>.</summary>
    public required IReadOnlyList<ApprovalVoteView> Approvals { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecisionReason { get; init; }

    public string? CredentialId { get; init; }

    /// <summary>Present only in the one answer that collected the credential.</summary>
    public IssuedCredentialView? Credential { get; init; }
}
