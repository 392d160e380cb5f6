namespace ExecGov.Credentials.Revocation;

/// <summary>What a revocation act covers.</summary>
public enum RevocationScope
{
    /// <summary>One credential, by its <c>jti</c>.</summary>
    Credential,

    /// <summary>Every credential carrying a session id (<c>sid</c>); later issuance into the session is refused.</summary>
    Session,

    /// <summary>Every credential of an agent (<c>sub</c>); later issuance to the agent is refused.</summary>
    Agent,

    /// <summary>Everything a given authoriser approved; later issuance under that authoriser is refused.</summary>
    Authoriser,

    /// <summary>Every credential a signing key signed; the key also leaves the JWKS as compromised.</summary>
    SigningKey,

    /// <summary>
    /// Every credential bound to a holder key (<c>cnf.jkt</c>, the RFC 7638 thumbprint of the agent's public key),
    /// whichever agent it was issued to; later issuance to that key is refused.
    /// </summary>
    HolderKey,
}
