using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Issuance;

namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>An approval request as the API shows it.</summary>
internal sealed record ApprovalView
{
    public required string ApprovalId { get; init; }

    public required string AgentId { get; init; }

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

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecisionReason { get; init; }

    public string? CredentialId { get; init; }

    /// <summary>Present only in the one answer that collected the credential.</summary>
    public IssuedCredentialView? Credential { get; init; }
}
