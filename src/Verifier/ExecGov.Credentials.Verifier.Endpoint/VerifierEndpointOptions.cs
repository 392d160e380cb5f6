using ExecGov.Credentials.Verifier.Endpoint.Status;

namespace ExecGov.Credentials.Verifier.Endpoint;

/// <summary>Options of the verifier endpoint (configuration section <c>Endpoint</c>). Validated at start-up.</summary>
public sealed class VerifierEndpointOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Endpoint";

    /// <summary>The revocation status source. Default <see cref="StatusSourceMode.StatusList"/>.</summary>
    public StatusSourceMode StatusSource { get; set; } = StatusSourceMode.StatusList;

    /// <summary>
    /// Audiences a <c>/v1/verify</c> request may name besides this verifier's own (<c>Verifier:Audience</c>), for one
    /// verifier serving several services. A request naming any other audience is refused with 400 problem+json
    /// (<c>invalid_field</c>, field <c>audience</c>): the caller does not choose what the credential is checked
    /// against. Default: none (only the verifier's own audience). Each 1–128 characters, no control characters.
    /// </summary>
    public IList<string> AllowedAudiences { get; } = [];

    /// <summary>Largest <c>/v1/verify</c> body accepted, in bytes. Default 16 KiB; between 1 KiB and 256 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024;
}
