namespace ExecGov.Credentials.Verifier.Status;

/// <summary>What a status source knows of one credential. Anything but <see cref="Valid"/> denies.</summary>
public enum CredentialStatus
{
    /// <summary>The status list says 0 (valid), and the list is fresh.</summary>
    Valid,

    /// <summary>The status list says 1 (invalid): revoked for good.</summary>
    Revoked,

    /// <summary>The status list says 2 (suspended): reversible, still a deny.</summary>
    Suspended,

    /// <summary>No fresh, verified status is available (unknown list, fetch failed, too stale, index out of range).</summary>
    Unavailable,
}
