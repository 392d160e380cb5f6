namespace ExecGov.Credentials.Jose;

/// <summary>The kinds of token this project reads; each has one row in <see cref="JoseHeaderRules"/>.</summary>
public enum TokenKind
{
    /// <summary>An agent credential (<c>execgov-credential+jwt</c>), signed by an issuer key named by <c>kid</c>.</summary>
    Credential,

    /// <summary>A holder proof (<c>dpop+jwt</c>), signed by the agent key carried in its <c>jwk</c> header.</summary>
    Proof,

    /// <summary>A status list token (<c>statuslist+jwt</c>), signed by an issuer key named by <c>kid</c>.</summary>
    StatusList,

    /// <summary>An agent assertion (<c>execgov-assertion+jwt</c>), signed by the agent's registered key named by <c>kid</c>.</summary>
    AgentAssertion,
}
