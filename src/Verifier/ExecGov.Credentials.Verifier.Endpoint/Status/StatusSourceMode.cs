namespace ExecGov.Credentials.Verifier.Endpoint.Status;

/// <summary>Which revocation status source the endpoint uses (<c>Endpoint:StatusSource</c>). There is no "none".</summary>
public enum StatusSourceMode
{
    /// <summary>
    /// The default: each trusted issuer's status lists, fetched and verified, pushed by its event stream and polled
    /// (docs/verifier.md). Start-up fails when an issuer has no status list base or metadata and status is required.
    /// </summary>
    StatusList = 0,

    /// <summary>An in-memory source fed by the host: for tests only, refused outside the Development environment.</summary>
    InMemory,
}
