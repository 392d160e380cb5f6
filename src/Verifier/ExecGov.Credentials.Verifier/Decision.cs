using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// The outcome of one verification: allow or deny with exactly one reason, and — as far as the credential
/// could be trusted — who acted, who authorised it, and under which credential and session.
/// </summary>
public sealed record Decision
{
    /// <summary>A unique id for this decision, for logs and the audit trail.</summary>
    public required string DecisionId { get; init; }

    /// <summary>When the decision was made.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>True only when every check passed.</summary>
    public bool IsAllowed => Reason == ReasonCode.Allowed;

    /// <summary>Why; <see cref="ReasonCode.Allowed"/> for an allow.</summary>
    public required ReasonCode Reason { get; init; }

    /// <summary>The action asked for.</summary>
    public string? Action { get; init; }

    /// <summary>The resource asked for.</summary>
    public string? Resource { get; init; }

    /// <summary>The issuer, once the signature verified.</summary>
    public string? Issuer { get; init; }

    /// <summary>The agent (<c>sub</c>), once the signature verified.</summary>
    public string? AgentId { get; init; }

    /// <summary>The human who granted the credential, once the signature verified.</summary>
    public Authoriser? Authoriser { get; init; }

    /// <summary>The credential id (<c>jti</c>), once the signature verified.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The session id (<c>sid</c>), once the signature verified.</summary>
    public string? SessionId { get; init; }

    /// <summary>When the credential expires, once the signature verified.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
