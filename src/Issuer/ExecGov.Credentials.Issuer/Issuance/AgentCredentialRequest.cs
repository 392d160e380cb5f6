using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>The body of <c>POST /v1/agent/credentials</c> (self-service; the agent comes from the assertion).</summary>
internal sealed record AgentCredentialRequest
{
    public required IReadOnlyList<string> Audience { get; init; }

    public required IReadOnlyList<AuthorizationDetail> AuthorizationDetails { get; init; }

    public long? LifetimeSeconds { get; init; }

    public string? SessionId { get; init; }
}
