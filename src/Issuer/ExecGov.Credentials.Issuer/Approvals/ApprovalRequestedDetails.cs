using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>The <c>details</c> of an <c>approval_requested</c> audit record.</summary>
internal sealed record ApprovalRequestedDetails(
    IReadOnlyList<string> Audience,
    IReadOnlyList<AuthorizationDetail> AuthorizationDetails,
    long LifetimeSeconds,
    IReadOnlyList<string> Reasons,
    long ExpiresAt,
    int RequiredApprovals);
