namespace ExecGov.Credentials.Verifier.Status;

/// <summary>The outcome of checking one fetched status list token; anything but <see cref="Valid"/> keeps the data already held.</summary>
internal enum StatusListTokenCheck
{
    Valid,
    TooLarge,
    Malformed,
    AlgNotAllowed,
    TypMismatch,
    CritUnsupported,
    UnknownKey,
    SignatureInvalid,
    SubjectMismatch,
    Expired,
    BadStatusList,
    RolledBack,
}
