namespace ExecGov.Credentials.Issuer.Assertions;

/// <summary>
/// Why an agent assertion was refused: a closed set, checked in this order. The issuer answers every one of
/// them the same way to the caller (an authentication failure) and may log the code.
/// </summary>
public enum AgentAssertionError
{
    /// <summary>Valid.</summary>
    None = 0,

    /// <summary>Missing, longer than <see cref="AgentAssertionValidator.MaxLength"/>, not three base64url segments, or not JSON.</summary>
    Malformed,

    /// <summary><c>typ</c> is not <c>execgov-assertion+jwt</c> (a credential or proof presented as an assertion).</summary>
    WrongType,

    /// <summary><c>alg</c> is not <c>EdDSA</c>, or the header carries <c>crit</c>, <c>b64</c>, <c>zip</c>, <c>jwk</c>, <c>jku</c>, <c>x5u</c> or <c>x5c</c>.</summary>
    WrongAlgorithm,

    /// <summary><c>kid</c> is missing or is not the thumbprint of the agent's registered key.</summary>
    KeyMismatch,

    /// <summary>The signature does not verify with the registered key.</summary>
    BadSignature,

    /// <summary><c>iss</c> and <c>sub</c> differ, or do not name the expected agent.</summary>
    WrongAgent,

    /// <summary><c>aud</c> is not this issuer.</summary>
    AudienceMismatch,

    /// <summary><c>iat</c> lies in the future beyond the clock skew.</summary>
    NotYetValid,

    /// <summary><c>exp</c> has passed beyond the clock skew.</summary>
    Expired,

    /// <summary><c>exp</c> is not after <c>iat</c>, or more than 60 seconds after it.</summary>
    LifetimeTooLong,

    /// <summary><c>jti</c> is empty or longer than 128 characters.</summary>
    BadId,
}
