namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Why a verification ended as it did: a closed set. The string form (<see cref="ReasonCodes.ToWireString"/>)
/// is the same in the library, the verifier endpoint, logs and docs/reason-codes.md.
/// </summary>
public enum ReasonCode
{
    /// <summary><c>allowed</c>: every check passed.</summary>
    Allowed = 0,

    /// <summary><c>malformed</c>: not a compact JWS, bad base64url, bad or duplicate-member JSON, missing or mistyped claims.</summary>
    Malformed,

    /// <summary><c>too_large</c>: the credential or proof is longer than the configured limit.</summary>
    TooLarge,

    /// <summary><c>alg_not_allowed</c>: the header's <c>alg</c> is not <c>EdDSA</c> (this refuses <c>none</c> and HMAC).</summary>
    AlgNotAllowed,

    /// <summary><c>typ_mismatch</c>: the header's <c>typ</c> is not the credential type (e.g. a proof presented as a credential).</summary>
    TypMismatch,

    /// <summary><c>crit_unsupported</c>: the header lists <c>crit</c> extensions; none are understood.</summary>
    CritUnsupported,

    /// <summary><c>unknown_key</c>: no <c>kid</c>, or the issuer publishes no such key (also: key withdrawn as compromised).</summary>
    UnknownKey,

    /// <summary><c>signature_invalid</c>: the signature does not verify with the issuer's key.</summary>
    SignatureInvalid,

    /// <summary><c>issuer_untrusted</c>: <c>iss</c> is not a configured trusted issuer.</summary>
    IssuerUntrusted,

    /// <summary><c>audience_mismatch</c>: <c>aud</c> does not name this service.</summary>
    AudienceMismatch,

    /// <summary><c>not_yet_valid</c>: <c>nbf</c> or <c>iat</c> lies in the future beyond the allowed clock skew.</summary>
    NotYetValid,

    /// <summary><c>expired</c>: <c>exp</c> has passed (beyond the allowed clock skew).</summary>
    Expired,

    /// <summary><c>scope_denied</c>: no authorization detail allows this action on this resource at this audience.</summary>
    ScopeDenied,

    /// <summary><c>constraint_violated</c>: the action is granted, but the request breaks a constraint (amount, destination, time window…) or omits its value.</summary>
    ConstraintViolated,

    /// <summary><c>proof_missing</c>: no holder proof was presented.</summary>
    ProofMissing,

    /// <summary><c>proof_invalid</c>: the proof is malformed, wrongly typed, signed by a key other than <c>cnf.jkt</c>, for another method/URL/credential, or outside its time window.</summary>
    ProofInvalid,

    /// <summary><c>proof_replayed</c>: this proof's <c>jti</c> was already used.</summary>
    ProofReplayed,

    /// <summary><c>revoked</c>: the status list marks the credential invalid.</summary>
    Revoked,

    /// <summary><c>suspended</c>: the status list marks the credential suspended.</summary>
    Suspended,

    /// <summary><c>status_unavailable</c>: no fresh, verified revocation status is available.</summary>
    StatusUnavailable,

    /// <summary><c>verifier_error</c>: an unexpected fault inside the verifier; always a deny.</summary>
    VerifierError,

    /// <summary>
    /// <c>proof_quota_exceeded</c>: the holder key already has <see cref="CredentialVerifierOptions.MaxRememberedProofsPerHolder"/>
    /// live proofs remembered (or the whole replay memory is full), so this new proof is not accepted; other holders are unaffected.
    /// </summary>
    ProofQuotaExceeded,
}
