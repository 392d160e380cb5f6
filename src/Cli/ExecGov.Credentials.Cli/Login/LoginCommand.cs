using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Http.Tokens;

namespace ExecGov.Credentials.Cli.Login;

/// <summary>
/// <c>execgov login</c>: admin client credentials against the issuer's <c>/connect/token</c>. The secret comes
/// from a file or standard input, never from the command line (where <c>ps</c> and shell history would show it);
/// the access token is cached in the profile file (mode 0600).
/// </summary>
internal static class LoginCommand
{
    public static Command Build()
    {
        var clientId = new Option<string?>("--client-id")
        {
            Description = "The admin client id. Default: the client_id member of the secret file (as in data/bootstrap-admin.json).",
            HelpName = "id",
        };
        var secretFile = new Option<string?>("--secret-file")
        {
            Description = "A file holding the client secret: the secret alone, or a JSON object with client_secret (and client_id), such as data/bootstrap-admin.json.",
            HelpName = "path",
        };
        var secretStdin = new Option<bool>("--secret-stdin")
        {
            Description = "Read the client secret from standard input (one line).",
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = "Sign in with the client's own key instead of a secret (approver clients): the key file written by execgov admins keygen; needs --client-id.",
            HelpName = "path",
        };

        var command = new Command("login", "Sign in with an admin client's credentials and cache the access token (mode 0600) in the profile.")
            .With(clientId, secretFile, secretStdin, keyFile);
        command.Handle((context, cancellationToken) =>
            RunAsync(context, context.Parse.GetValue(clientId), context.Parse.GetValue(secretFile), context.Parse.GetValue(secretStdin), context.Parse.GetValue(keyFile), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? clientId, string? secretFile, bool secretStdin, string? keyFile, CancellationToken cancellationToken)
    {
        if ((secretFile is null ? 0 : 1) + (secretStdin ? 1 : 0) + (keyFile is null ? 0 : 1) != 1)
        {
            throw new CliException(ExitCodes.Usage, "usage",
                "Sign in with exactly one of --secret-file <path>, --secret-stdin or --key-file <path> (never a secret on the command line). Run 'execgov login --help' for usage.");
        }

        if (keyFile is not null)
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new CliException(ExitCodes.Usage, "usage", "--key-file needs --client-id <id>: the client the key is registered for.");
            }

            using var key = Credentials.AgentKeys.Load(keyFile);
            var assertion = key.CreateClientAssertion(clientId, context.IssuerUri.AbsoluteUri, context.Time.GetUtcNow());
            return await SignInAsync(context, clientId, new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["client_assertion"] = assertion,
            }, cancellationToken).ConfigureAwait(false);
        }

        var (fileClientId, secret) = secretFile is not null
            ? ReadSecretFile(secretFile)
            : (null, (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim());
        clientId ??= fileClientId;
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new CliException(ExitCodes.Usage, "usage", "No client id: pass --client-id <id> (or a secret file with a client_id member).");
        }

        if (string.IsNullOrEmpty(secret))
        {
            throw new CliException(ExitCodes.InvalidInput, "empty_secret",
                secretFile is null ? "Standard input held no secret; pipe the client secret in." : $"The secret file {secretFile} holds no secret.");
        }

        return await SignInAsync(context, clientId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> SignInAsync(CliContext context, string clientId, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var issuer = context.IssuerUri;
        var shown = CliContext.Display(issuer);
        var now = context.Time.GetUtcNow();
        var (token, expiresIn) = await Progress.RunAsync(context.Output, $"Signing in to {shown}…",
            _ => RequestTokenAsync(issuer, form, context.Time, cancellationToken)).ConfigureAwait(false);
        var roles = ReadRoles(token);
        var expiresAt = now.AddSeconds(expiresIn);
        var path = ProfileStore.Save(context.ProfileName, new Profile
        {
            Issuer = shown,
            ClientId = clientId,
            AccessToken = token,
            ExpiresAt = expiresAt,
            Roles = roles,
        });

        context.Output.Result(
            new JsonObject
            {
                ["issuer"] = shown,
                ["profile"] = context.ProfileName,
                ["client_id"] = clientId,
                ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
                ["expires_at"] = Times.Iso(expiresAt),
                ["profile_file"] = path,
            },
            () => context.Output.Line(
                $"Signed in to {shown} as {clientId} (roles: {(roles.Count == 0 ? "none" : string.Join(", ", roles))}); token valid until {Times.Iso(expiresAt)}, cached in {path}."));
        return ExitCodes.Ok;
    }

    private static (string? ClientId, string Secret) ReadSecretFile(string path)
    {
        var text = SecureFile.ReadText(path, "Secret file", "pass the file that holds the client secret (the first start writes data/bootstrap-admin.json).").Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                var node = JsonNode.Parse(text);
                var secret = JsonRead.Str(node, "client_secret");
                return secret is null
                    ? throw new CliException(ExitCodes.InvalidInput, "invalid_secret_file", $"The secret file {path} is JSON without a client_secret member.")
                    : (JsonRead.Str(node, "client_id"), secret);
            }
            catch (JsonException)
            {
                throw new CliException(ExitCodes.InvalidInput, "invalid_secret_file", $"The secret file {path} starts like JSON but is not valid JSON.");
            }
        }

        return (null, text);
    }

    private static async Task<(string Token, long ExpiresIn)> RequestTokenAsync(Uri issuer, Dictionary<string, string> form, TimeProvider time, CancellationToken cancellationToken)
    {
        const string path = "connect/token";

        var tokens = new ClientCredentialsTokenClient(HttpClients.Shared, new Uri(issuer, path), form, time);
        var result = await tokens.RequestAsync(cancellationToken).ConfigureAwait(false);
        if (result.AccessToken is { } token)
        {
            return (token, (long)Math.Round((result.ExpiresAt - time.GetUtcNow()).TotalSeconds));
        }

        if (result.Exception is { } failure)
        {
            throw ServiceError.Unreachable("issuer", issuer, failure, ServiceError.StartIssuerHint);
        }

        // RFC 6749 §5.2 errors from the token endpoint: {"error", "error_description"}.
        if (result.Error is { } error && result.Status is 400 or 401)
        {
            throw new CliException(ExitCodes.Unauthorized, error,
                $"The issuer refused client '{form["client_id"]}' ({error}); check --client-id and the secret or key, or ask an admin for a new client.");
        }

        throw ServiceError.FromResponse("issuer", issuer, "/" + path, (HttpStatusCode)result.Status, ServiceClient.TryParse(result.FailedBody ?? string.Empty), ServiceError.StartIssuerHint);
    }

    /// <summary>Reads the <c>role</c> claims of the issuer's own access token for display only (the issuer checks them).</summary>
    private static List<string> ReadRoles(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return [];
        }

        try
        {
            var payload = JsonNode.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1])));
            return payload?["role"] switch
            {
                JsonArray array => array.Select(r => r?.GetValue<string>()).OfType<string>().ToList(),
                JsonValue value when value.TryGetValue<string>(out var one) => [one],
                _ => [],
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return [];
        }
    }
}
