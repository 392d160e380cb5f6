namespace ExecGov.Credentials.Status;

/// <summary>
/// The status values of the IETF OAuth Token Status List (draft-ietf-oauth-status-list §7.1). This project
/// publishes lists with 2 bits per entry, so every value here fits.
/// </summary>
public enum StatusValue : byte
{
    /// <summary>0x00 VALID: the credential is not revoked or suspended.</summary>
    Valid = 0,

    /// <summary>0x01 INVALID: revoked for good; it never becomes valid again.</summary>
    Invalid = 1,

    /// <summary>0x02 SUSPENDED: temporarily invalid (for an investigation); may return to valid.</summary>
    Suspended = 2,

    /// <summary>0x03: application-specific in the draft; this project never writes it and verifiers deny it.</summary>
    ApplicationSpecific = 3,
}
