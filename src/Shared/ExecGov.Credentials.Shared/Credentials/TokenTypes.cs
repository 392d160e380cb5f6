namespace ExecGov.Credentials.Credentials;

/// <summary>
/// The JOSE <c>typ</c> values, one per kind of token (RFC 8725 §3.11, explicit typing): a verifier pins
/// the type before it looks at the signature, so no token can pass for another kind.
/// </summary>
public static class TokenTypes
{
    /// <summary>An agent credential; media type <c>application/execgov-credential+jwt</c>.</summary>
    public const string Credential = "execgov-credential+jwt";

    /// <summary>A holder proof of possession, shaped like an RFC 9449 DPoP proof.</summary>
    public const string Proof = "dpop+jwt";

    /// <summary>A status list token (IETF OAuth Token Status List).</summary>
    public const string StatusList = "statuslist+jwt";

    /// <summary>An agent's signed assertion when it asks the issuer for a credential.</summary>
    public const string AgentAssertion = "execgov-assertion+jwt";
}
