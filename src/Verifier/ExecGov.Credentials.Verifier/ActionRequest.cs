namespace ExecGov.Credentials.Verifier;

/// <summary>
/// The action about to execute, as the target service sees it: a verifier decides whether the presented
/// credential allows exactly this.
/// </summary>
public sealed record ActionRequest
{
    /// <summary>The action name, e.g. <c>payments.release</c> or an MCP tool's mapped action.</summary>
    public required string Action { get; init; }

    /// <summary>The resource acted on, e.g. <c>invoice:2026-118</c>; null when the action has none.</summary>
    public string? Resource { get; init; }

    /// <summary>This service's audience id; null takes <see cref="CredentialVerifierOptions.Audience"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>The HTTP method the proof must name (<c>htm</c>).</summary>
    public required string Method { get; init; }

    /// <summary>The request URL the proof must name (<c>htu</c>; query and fragment are ignored).</summary>
    public required Uri Target { get; init; }

    /// <summary>Context values constraints are checked against: <c>amount</c>, <c>currency</c>, <c>destination</c>.</summary>
    public IReadOnlyDictionary<string, string>? Context { get; init; }

    /// <summary>
    /// Whether a holder proof must be presented. Default true: a credential without a proof is denied
    /// <c>proof_missing</c>. False only for Bearer presentations to an audience deliberately configured for them
    /// (anyone who sees such a credential can use it until it expires); a proof that is presented anyway is
    /// still checked in full.
    /// </summary>
    public bool ProofRequired { get; init; } = true;
}
