namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>How a host turns HTTP requests into <see cref="ActionRequest"/>s. Validated at start-up.</summary>
public sealed class ActionEnforcementOptions
{
    /// <summary>
    /// This service's audience id. Default: none, which takes <see cref="CredentialVerifierOptions.Audience"/>;
    /// when neither is set every credential is denied with <c>audience_mismatch</c>.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The public origin (scheme, host and port) the proof's <c>htu</c> must name, e.g. <c>https://payments.example</c>.
    /// Default: none, which takes the request's own scheme and <c>Host</c> header; set it (or use host filtering and
    /// forwarded headers) behind a proxy, so a proof made for another host is not accepted here.
    /// </summary>
    public Uri? PublicOrigin { get; set; }
}
