using ExecGov.Credentials.Verifier.Endpoint.Status;

namespace ExecGov.Credentials.Verifier.Endpoint;

/// <summary>Options of the verifier endpoint (configuration section <c>Endpoint</c>). Validated at start-up.</summary>
public sealed class VerifierEndpointOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Endpoint";

    /// <summary>The revocation status source. Default <see cref="StatusSourceMode.StatusList"/>.</summary>
    public StatusSourceMode StatusSource { get; set; } = StatusSourceMode.StatusList;

    /// <summary>Largest <c>/v1/verify</c> body accepted, in bytes. Default 16 KiB; between 1 KiB and 256 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024;
}
