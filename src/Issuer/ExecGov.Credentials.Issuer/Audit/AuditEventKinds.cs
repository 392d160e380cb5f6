namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>The kinds of audit record: a closed set, the same strings in the store, the API and the docs.</summary>
internal static class AuditEventKinds
{
    public const string IssuerStarted = "issuer_started";
    public const string AdminClientCreated = "admin_client_created";
    public const string AdminClientRolesChanged = "admin_client_roles_changed";
    public const string AdminClientDisabled = "admin_client_disabled";
    public const string AdminClientEnabled = "admin_client_enabled";
    public const string SignInSucceeded = "sign_in_succeeded";
    public const string SignInFailed = "sign_in_failed";
    public const string AgentRegistered = "agent_registered";
    public const string AgentSuspended = "agent_suspended";
    public const string AgentResumed = "agent_resumed";
    public const string AgentDecommissioned = "agent_decommissioned";
    public const string CredentialIssued = "credential_issued";
    public const string ApprovalRequested = "approval_requested";
    public const string ApprovalGranted = "approval_granted";
    public const string ApprovalVoted = "approval_voted";
    public const string ApprovalDenied = "approval_denied";
    public const string AgentAuthenticationFailed = "agent_authentication_failed";
    public const string KeyRotated = "key_rotated";
    public const string KeyCompromised = "key_compromised";
    public const string RevocationRecorded = "revocation_recorded";
    public const string DecisionRecorded = "decision_recorded";
    public const string FailuresSuppressed = "failures_suppressed";
}
