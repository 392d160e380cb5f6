using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Scopes;

namespace ExecGov.Credentials.Cli.Admins;

/// <summary>
/// <c>execgov admins create | list</c>: personal admin clients (docs/http-api.md, Admin clients; role admin), so
/// people stop using the bootstrap secret. A new client's secret is written once to a 0600 file, never printed.
/// </summary>
internal static class AdminsCommand
{
    public static Command Build() => new Command("admins", "Create, list, disable and enable admin clients (people and tools that use the admin API).").With(Create(), List(), SetState("disable"), SetState("enable"));

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
        var secretOut = new Option<string>("--secret-out")
        {
            Description = "Write the client's credentials (client_id, client_secret) to this new file, mode 0600; execgov login --secret-file reads it.",
            HelpName = "path",
            Required = true,
        };
        var command = new Command("create", "Create an admin client with a secret, written once to --secret-out (mode 0600) (role admin).").With(id, name, person, roles, secretOut);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var clientId = parse.GetRequiredValue(id);
            var path = parse.GetRequiredValue(secretOut);
            if (File.Exists(path))
            {
                throw new CliException(ExitCodes.InvalidInput, "file_exists", $"{path} already exists; choose another --secret-out.");
            }

            var response = await context.Admin().SendAsync(HttpMethod.Post, "v1/admin-clients", new JsonObject
            {
                ["client_id"] = clientId,
                ["display_name"] = parse.GetValue(name) ?? clientId,
                ["person"] = parse.GetRequiredValue(person),
                ["roles"] = ScopeOptions.Array(parse.GetRequiredValue(roles).Distinct(StringComparer.Ordinal)),
            }, cancellationToken).ConfigureAwait(false);
            var client = response.Body.DeepClone().AsObject();
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
