namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>Why no credential could be obtained.</summary>
public enum AgentCredentialError
{
    /// <summary>A credential was obtained.</summary>
    None = 0,

    /// <summary>The issuer could not be reached, timed out, or answered 5xx.</summary>
    IssuerUnavailable,

    /// <summary>The issuer refused the request (4xx); <see cref="CredentialResult.IssuerCode"/> holds its problem <c>code</c>.</summary>
    IssuerRefused,

    /// <summary>The issuer's answer was not what docs/http-api.md describes.</summary>
    InvalidResponse,

    /// <summary>An approver denied the request.</summary>
    ApprovalDenied,

    /// <summary>The approval request expired at the issuer before anyone decided.</summary>
    ApprovalExpired,

    /// <summary>No decision arrived within <see cref="AgentCredentialOptions.ApprovalTimeout"/>.</summary>
    ApprovalTimedOut,
}
