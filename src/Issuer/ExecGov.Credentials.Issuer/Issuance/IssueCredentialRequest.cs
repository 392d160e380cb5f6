using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>The body of <c>POST /v1/credentials</c> (admin issuance).</summary>
internal sealed record IssueCredentialRequest
{
    public required string AgentId { get; init; }

    public required IReadOnlyList<string> Audience { get; init; }

    public required IReadOnlyList<AuthorizationDetail> AuthorizationDetails { get; init; }

    /// <summary>Default: the issuer's default lifetime, capped by the agent's maximum.</summary>
    public long? LifetimeSeconds { get; init; }

    /// <summary>Default: a new session.</summary>
    public string? SessionId { get; init; }
}
