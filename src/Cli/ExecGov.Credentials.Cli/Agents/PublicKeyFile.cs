using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Http;

namespace ExecGov.Credentials.Cli.Agents;

/// <summary>
/// Reads the agent's public key for registration: a public JWK file (as the sample agent's <c>keygen --jwk-out</c>
/// writes), or the agent's own key file, of which only the public half is used (through the Agent SDK, which
/// refuses a key file others can read).
/// </summary>
internal static class PublicKeyFile
{
    public const string AgentKeyFormat = "execgov-agent-key/1";

    public static JsonObject Read(string path)
    {
        var text = SecureFile.ReadText(path, "Public key file", "create the agent's key first (the sample agent's keygen --key <path> --jwk-out <path>).");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw Invalid(path);
        }

        if (node is not JsonObject jwk)
        {
            throw Invalid(path);
        }

        if (jwk.ContainsKey("d"))
        {
            if (!string.Equals(JsonRead.Str(jwk, "format"), AgentKeyFormat, StringComparison.Ordinal))
            {
                throw new CliException(ExitCodes.InvalidInput, "private_key",
                    $"{path} holds a private key; pass the agent's public JWK (or its execgov-agent-key/1 key file), never a bare private JWK.");
            }

            try
            {
                using var key = AgentKey.Load(path);
                jwk = JsonNode.Parse(key.PublicJwk)!.AsObject();
            }
            catch (AgentKeyException ex)
            {
                throw new CliException(ExitCodes.InvalidInput, "agent_key_refused", ex.Message);
            }
        }

        if (JsonRead.Str(jwk, "kty") is null || JsonRead.Str(jwk, "x") is null)
        {
            throw Invalid(path);
        }

        // Send only the key itself; kid/alg/use are derived and the issuer would refuse inconsistent ones.
        return new JsonObject { ["kty"] = JsonRead.Str(jwk, "kty"), ["crv"] = JsonRead.Str(jwk, "crv"), ["x"] = JsonRead.Str(jwk, "x") };
    }

    private static CliException Invalid(string path) =>
        new(ExitCodes.InvalidInput, "invalid_public_key", $"{path} is not an Ed25519 public JWK ({{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":…}}) or agent key file.");
}
