using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Jose;
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
        // The one compact-JWS reader and the one claims reader: inspect reads a token exactly as the verifier does.
        if (!CompactJws.TrySplit(token, out var firstDot, out var secondDot) || secondDot == token.Length - 1)
        {
            throw Malformed("it is not a compact JWS (three base64url parts separated by dots)");
        }

        var header = Json(token[..firstDot], "header");
        var payloadSegment = token[(firstDot + 1)..secondDot];
        var payload = Json(payloadSegment, "claims");
        if (!CompactJws.TryDecode<CredentialClaims>(payloadSegment, CredentialClaimsReader.TryRead, out var claims))
        {
            throw Malformed("its claims are not an ExecGov credential (a required claim is missing, repeated or of the wrong type)");
        }

        return new TokenParts(header, payload, claims);
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
