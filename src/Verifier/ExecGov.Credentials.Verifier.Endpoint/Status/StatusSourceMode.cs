namespace ExecGov.Credentials.Verifier.Endpoint.Status;

/// <summary>Which revocation status source the endpoint uses.</summary>
public enum StatusSourceMode
{
    /// <summary>None configured: every credential with a <c>status</c> claim is denied with <c>status_unavailable</c> (fail closed). The default.</summary>
    Unavailable = 0,

    /// <summary>An in-memory source fed by the host (tests and demos only); every declared list is valid until set otherwise.</summary>
    InMemory,
}
