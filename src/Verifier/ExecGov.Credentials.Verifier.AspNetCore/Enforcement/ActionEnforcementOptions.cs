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
    /// Default: none, which is refused at start-up outside the Development environment; in Development only, none takes
    /// the request's own scheme and <c>Host</c> header, which the caller chooses, so a proof made for another host
    /// could be accepted here.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>
    /// Audiences for which a credential presented as <c>Authorization: Bearer</c> WITHOUT a holder proof is accepted.
    /// Default: empty — never. A bearer credential can be replayed by anyone who sees it until it expires, so list
    /// only this service's own audience, and only for low-risk, read-only actions. Each entry must be this service's
    /// audience (checked at start-up); scope, constraints and revocation status are still checked on every call.
    /// </summary>
    public IList<string> BearerAudiences { get; } = new List<string>();

    /// <summary>
    /// The largest JSON body a values reader may buffer to read constraint values (<see cref="Actions.ActionRequestContext.ReadJsonBodyAsync{T}"/>).
    /// Default 64 KiB; 1 KiB to 16 MiB. Larger bodies are not read: their values are missing, so constraints on
    /// them fail. The handler still reads the whole body.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
