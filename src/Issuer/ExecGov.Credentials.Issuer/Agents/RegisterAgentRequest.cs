using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Http;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>The body of <c>POST /v1/agents</c>.</summary>
internal sealed record RegisterAgentRequest
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required string Owner { get; init; }

    public required JwkInput PublicKey { get; init; }

    public required IReadOnlyList<string> AllowedAudiences { get; init; }

    public required IReadOnlyList<AuthorizationDetail> Ceiling { get; init; }

    /// <summary>Default: the issuer's default credential lifetime.</summary>
    public long? MaxLifetimeSeconds { get; init; }
}
