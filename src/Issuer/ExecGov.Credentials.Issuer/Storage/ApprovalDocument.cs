namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>A consequential request waiting for, or past, a human decision (collection <c>approvals</c>). Times are Unix milliseconds.</summary>
internal sealed class ApprovalDocument
{
    public string Id { get; set; } = string.Empty;

    public string AgentId { get; set; } = string.Empty;

    /// <summary>The requester's subject: an admin client id, or <c>agent:{id}</c> for self-service.</summary>
    public string RequestedBy { get; set; } = string.Empty;

    public string? RequestedByName { get; set; }

    public List<string> Audience { get; set; } = [];

    public string AuthorizationDetailsJson { get; set; } = "[]";

    public long LifetimeSeconds { get; set; }

    public string? SessionId { get; set; }

    public List<string> Reasons { get; set; } = [];

    public ApprovalStatus Status { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>Until when a pending request may be decided, and an approved one collected.</summary>
    public long ExpiresAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public long? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    public string? CredentialId { get; set; }
}
