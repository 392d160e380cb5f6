using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Health;

/// <summary>The body of <c>/healthz</c>: ready only when every issuer's keys and status are.</summary>
internal sealed record HealthReport
{
    /// <summary><c>ready</c> (200) or <c>not_ready</c> (503).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary><c>status_list</c> or <c>in_memory</c>.</summary>
    [JsonPropertyName("status_source")]
    public required string StatusSource { get; init; }

    [JsonPropertyName("issuers")]
    public required IReadOnlyList<IssuerHealthReport> Issuers { get; init; }
}
