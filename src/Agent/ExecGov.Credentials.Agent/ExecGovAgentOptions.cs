namespace ExecGov.Credentials.Agent;

/// <summary>Who the agent is and where its issuer is. Validated at start-up (<see cref="ExecGovAgentOptionsValidator"/>).</summary>
public sealed class ExecGovAgentOptions
{
    /// <summary>The agent id the issuer registered (the <c>sub</c> of its credentials). Required; default none.</summary>
    public string AgentId { get; set; } = string.Empty;

    /// <summary>
    /// The issuer's identifier, exactly as it appears in the <c>iss</c> of its credentials (and the <c>issuer</c> of
    /// <c>/.well-known/execgov-issuer</c>), e.g. <c>https://issuer.example</c>; it is the <c>aud</c> of every assertion.
    /// Compared exactly: no trailing-slash normalisation. Required; https, or http on loopback only.
    /// </summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>
    /// The base URL of the issuer's agent API, when it differs from <see cref="Issuer"/> (for example behind a
    /// proxy). Default: none, which uses <see cref="Issuer"/>. https, or http on loopback only.
    /// </summary>
    public Uri? IssuerUrl { get; set; }

    /// <summary>The agent key file (created 0600; refused when group or other users can access it). Required.</summary>
    public string KeyPath { get; set; } = string.Empty;

    /// <summary>Whether a missing key file is generated at start-up. Default false: a missing key is an error.</summary>
    public bool CreateKeyIfMissing { get; set; }

    internal Uri BaseAddress => IssuerUrl ?? new Uri(Issuer, UriKind.Absolute);
}
