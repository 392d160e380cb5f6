namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>What a caller asks to record; the log adds the sequence number, time and hashes.</summary>
internal sealed record AuditEntry(
    string Kind,
    string Actor,
    string? AgentId = null,
    string? CredentialId = null,
    string? SessionId = null,
    string? ApprovalId = null,
    string? Details = null);
