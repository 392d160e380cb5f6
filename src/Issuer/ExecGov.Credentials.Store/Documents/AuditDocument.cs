namespace ExecGov.Credentials.Store;

/// <summary>
/// One audit record (collection <c>audit</c>). <see cref="Id"/> is a gap-free sequence; <see cref="Hash"/>
/// is SHA-256 over the canonical form of every other member including <see cref="PreviousHash"/>.
/// </summary>
internal sealed class AuditDocument
{
    public long Id { get; set; }

    public long At { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Actor { get; set; } = string.Empty;

    public string? AgentId { get; set; }

    public string? CredentialId { get; set; }

    public string? SessionId { get; set; }

    public string? ApprovalId { get; set; }

    /// <summary>Event-specific facts as compact JSON; never a secret, token or key.</summary>
    public string? Details { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
