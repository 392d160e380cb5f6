namespace ExecGov.Credentials.Revocation;

/// <summary>What a revocation act does to the credentials it covers.</summary>
public enum RevocationAction
{
    /// <summary>Status 1 (invalid), for good: a revoked credential never becomes valid again.</summary>
    Revoke,

    /// <summary>Status 2 (suspended): reversible, for an investigation. Revoked credentials stay revoked.</summary>
    Suspend,

    /// <summary>Back from suspended to valid. Revoked credentials stay revoked.</summary>
    Unsuspend,
}
