using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint.Health;

/// <summary>One trusted issuer in <c>/healthz</c>.</summary>
internal sealed record IssuerHealthReport
{
    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    [JsonPropertyName("ready")]
    public required bool Ready { get; init; }

    [JsonPropertyName("keys")]
    public required KeysHealthReport Keys { get; init; }

    [JsonPropertyName("status")]
    public required StatusHealthReport Status { get; init; }
}
