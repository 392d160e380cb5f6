using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Cli.Agents;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Scopes;

namespace ExecGov.Credentials.Cli.Admins;

/// <summary>
/// <c>execgov admins create | keygen | list | disable | enable</c>: personal admin clients (docs/http-api.md, Admin
/// clients), so people stop using the bootstrap secret. A new client's secret is written once to a 0600 file, never
/// printed; approvers register their own key instead, so the admin who creates them never holds their credential.
/// </summary>
internal static class AdminsCommand
{
    public static Command Build() => new Command("admins", "Create, list, disable and enable admin clients, and generate an approver's own key (people and tools that use the admin API).").With(Create(), Keygen(), List(), SetState("disable"), SetState("enable"));

    private static Command SetState(string verb)
    {
        var id = new Argument<string>("id") { Description = "The admin client id." };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit trail).", HelpName = "text", Required = true };
        var summary = verb == "disable"
            ? "Disable an admin client: refused from its next request on, with every client it created (role responder)."
            : "Re-enable a disabled admin client (role responder).";
        var command = new Command(verb, summary).With(id, reason);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var clientId = parse.GetRequiredValue(id);
            var response = await context.Admin().SendAsync(HttpMethod.Post, $"v1/admin-clients/{Uri.EscapeDataString(clientId)}/{verb}",
                new JsonObject { ["reason"] = parse.GetRequiredValue(reason) }, cancellationToken).ConfigureAwait(false);
            context.Output.Result(response.Body, () => context.Output.Line($"Admin client {clientId} is {JsonRead.Str(response.Body, "state")}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Create()
    {
        var id = new Option<string>("--client-id") { Description = "The new client id, e.g. approver-ines.", HelpName = "id", Required = true };
        var name = new Option<string?>("--display-name") { Description = "A readable name (default: the id).", HelpName = "text" };
        var person = new Option<string>("--person") { Description = "The person the client acts for, e.g. ines.duarte (four-eyes compares persons).", HelpName = "person", Required = true };
        var roles = new Option<string[]>("--role") { Description = "A role: admin, approver, responder, auditor or verifier (repeat for more).", HelpName = "role", Required = true };
        roles.AcceptOnlyFromAmong("admin", "approver", "responder", "auditor", "verifier");
        var secretOut = new Option<string?>("--secret-out")
        {
            Description = "Write the client's credentials (client_id, client_secret) to this new file, mode 0600; execgov login --secret-file reads it.",
            HelpName = "path",
        };
        var publicKeyFile = new Option<string?>("--public-key-file")
        {
            Description = "Register the client's own public key instead of a secret (required for approver): the key file of execgov admins keygen, or its public JWK; the client signs in with execgov login --key-file.",
            HelpName = "path",
        };
        var command = new Command("create",
            "Create an admin client with a secret written once to --secret-out (mode 0600), or with its own key (--public-key-file); an approver waits for another person's approval (role admin).")
            .With(id, name, person, roles, secretOut, publicKeyFile);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var clientId = parse.GetRequiredValue(id);
            var path = parse.GetValue(secretOut);
            var keyPath = parse.GetValue(publicKeyFile);
            if (path is null == keyPath is null)
            {
                throw new CliException(ExitCodes.Usage, "usage",
                    "Give exactly one of --secret-out <path> (a secret client) or --public-key-file <path> (a client with its own key; approvers need one).");
            }

            if (path is not null && File.Exists(path))
            {
                throw new CliException(ExitCodes.InvalidInput, "file_exists", $"{path} already exists; choose another --secret-out.");
            }

            var body = new JsonObject
            {
                ["client_id"] = clientId,
                ["display_name"] = parse.GetValue(name) ?? clientId,
                ["person"] = parse.GetRequiredValue(person),
                ["roles"] = ScopeOptions.Array(parse.GetRequiredValue(roles).Distinct(StringComparer.Ordinal)),
            };
            if (keyPath is not null)
            {
                body["public_key"] = PublicKeyFile.Read(keyPath);
            }

            var response = await context.Admin().SendAsync(HttpMethod.Post, "v1/admin-clients", body, cancellationToken).ConfigureAwait(false);
            if (response.Status == HttpStatusCode.Accepted)
            {
                var approval = JsonRead.Str(response.Body, "approval_id");
                context.Output.Result(response.Body, () => context.Output.Line(
                    $"Waiting for an approver: approval {approval} (granting {JsonRead.List(body, "roles")} to {clientId}), expires {Times.Show(response.Body, "expires_at")}. " +
                    $"An approver who is another person runs execgov credentials approve {approval}; then {clientId} signs in with execgov login --client-id {clientId} --key-file <its key file>."));
                return ExitCodes.Pending;
            }

            var client = response.Body.DeepClone().AsObject();
            if (path is null)
            {
                context.Output.Result(client, () => context.Output.Line(
                    $"Created admin client {clientId} (roles: {JsonRead.List(client, "roles")}) with its own key; it signs in with execgov login --client-id {clientId} --key-file <its key file>."));
                return ExitCodes.Ok;
            }

            var secret = JsonRead.Str(client, "client_secret")
                ?? throw new CliException(ExitCodes.Unavailable, "invalid_response", "The issuer's answer holds no client secret; check the issuer's version.");
            SecureFile.Write(path, new JsonObject
            {
                ["client_id"] = clientId,
                ["client_secret"] = secret,
                ["issuer"] = CliContext.Display(context.IssuerUri),
            }.ToJsonString(), overwrite: false);
            client.Remove("client_secret");
            client["secret_file"] = Path.GetFullPath(path);
            context.Output.Result(client, () => context.Output.Line(
                $"Created admin client {clientId} (roles: {JsonRead.List(client, "roles")}); its secret is in {path} (mode 0600). Hand it over safely; sign in with execgov login --secret-file {path}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Keygen()
    {
        var key = new Argument<string>("path") { Description = "The new key file (mode 0600); it must not exist yet." };
        var command = new Command("keygen", "Generate an admin client's own Ed25519 key (for approvers): the private half stays in the file, mode 0600; prints the public JWK.").With(key);
        command.Handle((context, cancellationToken) =>
        {
            var path = context.Parse.GetRequiredValue(key);
            if (File.Exists(path))
            {
                throw new CliException(ExitCodes.InvalidInput, "file_exists", $"{path} already exists; choose another path.");
            }

            AgentKey created;
            try
            {
                created = AgentKey.Create(path);
            }
            catch (AgentKeyException ex)
            {
                throw new CliException(ExitCodes.InvalidInput, "key_file_refused", ex.Message);
            }

            using (created)
            {
                var jwk = JsonNode.Parse(created.PublicJwk)!;
                context.Output.Result(new JsonObject { ["key_file"] = Path.GetFullPath(path), ["public_key"] = jwk }, () => context.Output.Line(
                    $"Wrote a new key to {path} (mode 0600; thumbprint {created.Thumbprint}). Register it with execgov admins create --public-key-file {path}, and sign in with execgov login --key-file {path}."));
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List admin clients, never their secrets (role admin).");
        command.Handle(async (context, cancellationToken) =>
        {
            var response = await context.Admin().SendAsync(HttpMethod.Get, "v1/admin-clients", null, cancellationToken).ConfigureAwait(false);
            context.Output.Result(response.Body, () => context.Output.Table(
                "Admin clients",
                ["client", "person", "roles", "state", "sign-in", "created by", "created"],
                JsonRead.Items(response.Body).Select(c => (IReadOnlyList<string?>)
                [
                    JsonRead.Str(c, "client_id"), JsonRead.Str(c, "person"), JsonRead.List(c, "roles"), JsonRead.Str(c, "state"), JsonRead.Str(c, "auth_method"),
                    JsonRead.Str(c, "created_by"), Times.Show(c, "created_at"),
                ])));
            return ExitCodes.Ok;
        });
        return command;
    }
}
