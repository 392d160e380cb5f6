using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>The answer of <c>GET /v1/audit/trace/{id}</c>: who, under whose authority, and everything since.</summary>
internal sealed record TraceView
{
    /// <summary>The id asked about.</summary>
    public required string Query { get; init; }

    /// <summary><c>credential</c> or <c>session</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The credential asked about, or every credential of the session.</summary>
    public required IReadOnlyList<TracedCredential> Credentials { get; init; }

    /// <summary>Every audit record about them, oldest first.</summary>
    public required IReadOnlyList<AuditRecordView> Events { get; init; }
}

/// <summary>One credential in a trace.</summary>
internal sealed record TracedCredential
{
    public required string CredentialId { get; init; }

    public required string SessionId { get; init; }

    public required TracedAgent Agent { get; init; }

    public required Authoriser Authoriser { get; init; }

    /// <summary>The approval it was issued under, if any (absent for admin issuance and standing grants).</summary>
    public TracedApproval? Approval { get; init; }

    public required IReadOnlyList<string> Audience { get; init; }

    public required IReadOnlyList<AuthorizationDetail> Scope { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required long LifetimeSeconds { get; init; }

    public required string RequestedBy { get; init; }

    public required string KeyId { get; init; }
}

/// <summary>The agent in a trace.</summary>
internal sealed record TracedAgent(string Id, string? DisplayName, string? Owner, string? Status);

/// <summary>The approval in a trace.</summary>
internal sealed record TracedApproval(string ApprovalId, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason, IReadOnlyList<string> Reasons);
