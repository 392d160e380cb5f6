using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Json;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// Decodes a credential's header and claims for display, with the project's own claim model
/// (<see cref="CredentialClaims"/>, duplicate members refused). Decoding is not trusting: the signature and
/// everything else is checked by the verifier library.
/// </summary>
internal sealed record TokenParts(JsonObject Header, JsonObject Payload, CredentialClaims Claims)
{
    public static TokenParts Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            throw Malformed("it is not a compact JWS (three base64url parts separated by dots)");
        }

        var header = Json(parts[0], "header");
        var payload = Json(parts[1], "claims");
        CredentialClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])), CredentialJsonContext.Default.CredentialClaims);
        }
        catch (JsonException ex)
        {
            throw Malformed($"its claims are not an ExecGov credential ({JsonErrorText.Describe(ex)})");
        }

        return new TokenParts(header, payload, claims ?? throw Malformed("its claims are empty"));
    }

    private static JsonObject Json(string part, string what)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(part))) as JsonObject
                ?? throw Malformed($"its {what} is not a JSON object");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            throw Malformed($"its {what} is not base64url-encoded JSON");
        }
    }

    private static CliException Malformed(string why) =>
        new(ExitCodes.InvalidInput, "malformed_token", $"The credential is malformed: {why}; pass the token exactly as issued (credentials issue --out writes it).");
}
