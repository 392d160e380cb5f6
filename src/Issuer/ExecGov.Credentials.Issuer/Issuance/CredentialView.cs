using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>An issued credential as listed (never the token itself).</summary>
internal sealed record CredentialView
{
    public required string CredentialId { get; init; }

    public required string SessionId { get; init; }

    public required string AgentId { get; init; }

    public required IReadOnlyList<string> Audience { get; init; }

    public required IReadOnlyList<AuthorizationDetail> AuthorizationDetails { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required Authoriser Authoriser { get; init; }

    /// <summary>Who asked: an admin subject, or <c>agent:{id}</c> for self-service.</summary>
    public required string RequestedBy { get; init; }

    public required string KeyId { get; init; }

    /// <summary>The status-list entry; absent only for credentials issued before revocation was hosted here.</summary>
    public StatusListReference? Status { get; init; }
}
