using System.Text.Json;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>One audit record as the API shows it; <c>hash</c> and <c>prev</c> let a reader re-check the chain.</summary>
internal sealed record AuditRecordView
{
    public required long Seq { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Kind { get; init; }

    public required string Actor { get; init; }

    public string? AgentId { get; init; }

    public string? CredentialId { get; init; }

    public string? SessionId { get; init; }

    public string? ApprovalId { get; init; }

    public JsonElement? Details { get; init; }

    public required string Prev { get; init; }

    public required string Hash { get; init; }
}
