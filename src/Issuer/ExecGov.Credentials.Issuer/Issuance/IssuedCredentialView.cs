using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>The answer to a successful issuance: the signed credential and what it says.</summary>
internal sealed record IssuedCredentialView
{
    public required string Credential { get; init; }

    public required string CredentialId { get; init; }

    public required string SessionId { get; init; }

    public required string AgentId { get; init; }

    public required IReadOnlyList<string> Audience { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required Authoriser Authoriser { get; init; }

    /// <summary>The credential's status-list entry (its <c>status.status_list</c> claim): every credential has one.</summary>
    public required StatusListReference Status { get; init; }
}
