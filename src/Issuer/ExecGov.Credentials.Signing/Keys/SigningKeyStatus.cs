namespace ExecGov.Credentials.Signing.Keys;

/// <summary>Where a signing key is in its life.</summary>
public enum SigningKeyStatus
{
    /// <summary>Signs new credentials; exactly one key in a keyset is active.</summary>
    Active,

    /// <summary>No longer signs; still published for verification until <see cref="SigningKeyInfo.VerifyUntil"/>.</summary>
    Retired,

    /// <summary>Withdrawn at once: never published, every credential it signed fails verification.</summary>
    Compromised,
}
