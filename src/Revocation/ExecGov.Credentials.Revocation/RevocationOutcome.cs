namespace ExecGov.Credentials.Revocation;

/// <summary>Whether a revocation act was applied.</summary>
public enum RevocationOutcome
{
    /// <summary>The act was durably committed (it may have covered or changed nothing).</summary>
    Applied,

    /// <summary>A <see cref="RevocationScope.Credential"/> act named a credential id that was never registered; nothing changed.</summary>
    UnknownCredential,

    /// <summary>The host does not know the agent, signing key or holder key the act names; nothing changed.</summary>
    TargetNotFound,
}
