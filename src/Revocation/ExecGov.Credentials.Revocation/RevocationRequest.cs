namespace ExecGov.Credentials.Revocation;

/// <summary>One revocation act, as a responder asked for it.</summary>
public sealed record RevocationRequest
{
    /// <summary>What the act covers.</summary>
    public required RevocationScope Scope { get; init; }

    /// <summary>The credential id, session id, agent id, authoriser subject or signing key id.</summary>
    public required string Target { get; init; }

    /// <summary>Revoke, suspend or unsuspend.</summary>
    public required RevocationAction Action { get; init; }

    /// <summary>Who asked (the responder's subject), recorded in the audit trail.</summary>
    public required string Responder { get; init; }

    /// <summary>Why, recorded in the audit trail.</summary>
    public required string Reason { get; init; }
}
