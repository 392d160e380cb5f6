namespace ExecGov.Credentials.Jose;

/// <summary>What <see cref="JoseHeaderRules.Check"/> found: the first rule a header breaks, in the order checked.</summary>
public enum HeaderVerdict
{
    /// <summary>Every rule of its kind holds.</summary>
    Valid,

    /// <summary><c>alg</c> is not <c>EdDSA</c> (RFC 8725 §3.1).</summary>
    AlgNotAllowed,

    /// <summary><c>typ</c> does not name the kind (RFC 8725 §3.11).</summary>
    TypMismatch,

    /// <summary><c>crit</c> is present; no extension is understood (RFC 7515 §4.1.11).</summary>
    CritUnsupported,

    /// <summary><c>b64</c> or <c>zip</c> is present: unencoded or compressed payloads are not part of the format.</summary>
    EncodingUnsupported,

    /// <summary>A member that points at a key (<c>jku</c>, <c>x5u</c>, <c>x5c</c>, <c>jwk</c>) where the kind refuses one.</summary>
    KeyPointerRefused,

    /// <summary>The key member the kind needs is missing or unusable: no <c>kid</c>, or no Ed25519 public <c>jwk</c>.</summary>
    KeyMissing,
}
