using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Metadata;

/// <summary>
/// The members of an issuer's metadata document (<c>/.well-known/execgov-issuer</c>, docs/http-api.md) that a
/// verifier reads. Other members are ignored.
/// </summary>
internal sealed record IssuerMetadataDocument
{
    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    [JsonPropertyName("jwks_uri")]
    public string? JwksUri { get; init; }

    [JsonPropertyName("status_list_base")]
    public string? StatusListBase { get; init; }

    [JsonPropertyName("status_events_uri")]
    public string? StatusEventsUri { get; init; }
}
