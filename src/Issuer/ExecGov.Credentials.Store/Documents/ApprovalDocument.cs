namespace ExecGov.Credentials.Store;

/// <summary>A consequential request waiting for, or past, a human decision (collection <c>approvals</c>). Times are Unix milliseconds.</summary>
internal sealed class ApprovalDocument
{
    public const string CredentialKind = "credential";
    public const string AdminClientKind = "admin_client";

    public string Id { get; set; } = string.Empty;

    /// <summary><see cref="CredentialKind"/> (also when empty, in records from before kinds existed) or <see cref="AdminClientKind"/>.</summary>
    public string Kind { get; set; } = CredentialKind;

    /// <summary>The agent a credential request is for; empty for an admin-client request.</summary>
    public string AgentId { get; set; } = string.Empty;

    /// <summary>The requester's subject: an admin client id, or <c>agent:{id}</c> for self-service.</summary>
    public string RequestedBy { get; set; } = string.Empty;

    public string? RequestedByName { get; set; }

    /// <summary>The requester's person (an admin client's person, or <c>agent:{id}</c>); empty in older records, where <see cref="RequestedBy"/> stands for it.</summary>
    public string RequestedByPerson { get; set; } = string.Empty;

    /// <summary>Persons besides the requester who may not approve: the agent's registrant, or the person a new approver client acts for.</summary>
    public List<string> ExcludedPersons { get; set; } = [];

    /// <summary>How many approvals from distinct persons the request needs (0 in older records means 1).</summary>
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>The approvals so far, in order.</summary>
    public List<ApprovalVoteDocument> Votes { get; set; } = [];

    /// <summary>For an admin-client request: the issuer's <c>PendingAdminClient</c> as JSON.</summary>
    public string? AdminClientJson { get; set; }

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
