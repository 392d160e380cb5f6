using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Cli.Config;

/// <summary>A saved sign-in: which issuer, which admin client, and its cached access token (file mode 0600).</summary>
internal sealed record Profile
{
    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    [JsonPropertyName("client_id")]
    public string? ClientId { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonPropertyName("roles")]
    public IReadOnlyList<string>? Roles { get; init; }
}
