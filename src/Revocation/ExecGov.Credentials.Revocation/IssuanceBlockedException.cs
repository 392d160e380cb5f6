namespace ExecGov.Credentials.Revocation;

/// <summary>
/// Thrown by the registry's status-index allocation when a revocation or suspension covers the
/// credential about to be issued (issue 4: a revocation that covers a session or an agent also stops later
/// issuance into it). The issuer must refuse the issuance.
/// </summary>
public sealed class IssuanceBlockedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IssuanceBlockedException(RevocationScope scope, RevocationAction action)
        : base($"Issuance refused: the {RevocationNames.ToWire(scope)} is {(action == RevocationAction.Revoke ? "revoked" : "suspended")}.")
    {
        Scope = scope;
        Action = action;
    }

    /// <summary>Creates the exception (serialization shape).</summary>
    public IssuanceBlockedException()
    {
    }

    /// <summary>Creates the exception (serialization shape).</summary>
    public IssuanceBlockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (serialization shape).</summary>
    public IssuanceBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Which scope blocks the issuance.</summary>
    public RevocationScope Scope { get; }

    /// <summary>Whether it is blocked by a revocation or a suspension.</summary>
    public RevocationAction Action { get; }
}
