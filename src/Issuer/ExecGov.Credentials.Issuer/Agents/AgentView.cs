using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Http;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>An agent as the admin API shows it.</summary>
internal sealed record AgentView
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required string Owner { get; init; }

    public required JwkView PublicKey { get; init; }

    public required IReadOnlyList<string> AllowedAudiences { get; init; }

    public required IReadOnlyList<AuthorizationDetail> Ceiling { get; init; }

    public required long MaxLifetimeSeconds { get; init; }

    /// <summary><c>active</c>, <c>suspended</c> or <c>decommissioned</c>.</summary>
    public required string Status { get; init; }

    public required string RegisteredBy { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The standing grant under which low-risk self-service requests are issued; its approver is <see cref="RegisteredBy"/>.</summary>
    public required string StandingGrantId { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When an agent-scope revocation covered the agent; absent when none did. A revoked agent cannot be resumed.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
