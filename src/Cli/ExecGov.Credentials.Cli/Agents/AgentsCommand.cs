using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Scopes;

namespace ExecGov.Credentials.Cli.Agents;

/// <summary><c>execgov agents register | list | show | suspend | resume</c> (docs/http-api.md, Agents).</summary>
internal static class AgentsCommand
{
    private static readonly System.Text.Json.JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static Command Build() =>
        new Command("agents", "Register agents and manage their state.").With(Register(), List(), Show(), State("suspend"), State("resume"));

    private static Command Register()
    {
        var id = new Option<string>("--id") { Description = "The agent id (letters, digits and . _ : -).", HelpName = "id", Required = true };
        var publicKey = new Option<string>("--public-key")
        {
            Description = "The agent's public key: a public JWK file, or the agent's key file (only its public half is sent).",
            HelpName = "path",
            Required = true,
        };
        var owner = new Option<string>("--owner") { Description = "Who answers for the agent (a team or person).", HelpName = "text", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "A readable name (default: the id).", HelpName = "text" };
        var audiences = new Option<string[]>("--audience") { Description = "A service the agent may get credentials for (repeat for more).", HelpName = "audience", Required = true };
        var maxLifetime = new Option<string?>("--max-lifetime") { Description = "Longest credential lifetime for this agent, e.g. 10m (default: the issuer's default).", HelpName = "duration" };
        var ceiling = new ScopeOptions("the agent's scope ceiling (the most it may ever be granted)");

        var command = new Command("register", "Register an agent with its public key, allowed audiences and scope ceiling (role admin).")
            .With(id, publicKey, owner, displayName, audiences, maxLifetime)
            .With([.. ceiling.All]);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var agentId = parse.GetRequiredValue(id);
            var body = new JsonObject
            {
                ["id"] = agentId,
                ["display_name"] = parse.GetValue(displayName) ?? agentId,
                ["owner"] = parse.GetRequiredValue(owner),
                ["public_key"] = PublicKeyFile.Read(parse.GetRequiredValue(publicKey)),
                ["allowed_audiences"] = ScopeOptions.Array(parse.GetRequiredValue(audiences)),
                ["ceiling"] = ceiling.Build(parse),
            };
            if (parse.GetValue(maxLifetime) is { } lifetime)
            {
                body["max_lifetime_seconds"] = (long)Durations.Parse(lifetime, "--max-lifetime").TotalSeconds;
            }

            var response = await context.Admin().SendAsync(HttpMethod.Post, "v1/agents", body, cancellationToken).ConfigureAwait(false);
            context.Output.Result(response.Body, () =>
                context.Output.Line($"Registered agent {agentId} (key {JsonRead.Str(response.Body["public_key"], "kid")}), standing grant {JsonRead.Str(response.Body, "standing_grant_id")}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List registered agents (roles admin, responder, auditor).");
        command.Handle(async (context, cancellationToken) =>
        {
            var response = await context.Admin().SendAsync(HttpMethod.Get, "v1/agents", null, cancellationToken).ConfigureAwait(false);
            context.Output.Result(response.Body, () => context.Output.Table(
                "Agents",
                ["id", "status", "owner", "audiences", "max lifetime", "registered by", "registered"],
                JsonRead.Items(response.Body).Select(a => (IReadOnlyList<string?>)
                [
                    JsonRead.Str(a, "id"), JsonRead.Str(a, "status"), JsonRead.Str(a, "owner"), JsonRead.List(a, "allowed_audiences"),
                    JsonRead.Long(a, "max_lifetime_seconds") is { } s ? Durations.Format(TimeSpan.FromSeconds(s)) : null,
                    JsonRead.Str(a, "registered_by"), Times.Show(a, "registered_at"),
                ])));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("agent-id") { Description = "The agent id." };
        var ceilingOut = new Option<string?>("--ceiling-out")
        {
            Description = "Also write the agent's scope ceiling to this file, ready for 'agents register --scope-file' (to replace the agent with the same ceiling).",
            HelpName = "path",
        };
        var command = new Command("show", "Show one agent: key, audiences, ceiling, state (roles admin, responder, auditor).").With(id, ceilingOut);
        command.Handle(async (context, cancellationToken) =>
        {
            var agentId = context.Parse.GetRequiredValue(id);
            var response = await context.Admin().SendAsync(HttpMethod.Get, "v1/agents/" + Uri.EscapeDataString(agentId), null, cancellationToken).ConfigureAwait(false);
            if (context.Parse.GetValue(ceilingOut) is { } path)
            {
                var ceiling = response.Body["ceiling"] as JsonArray ?? [];
                Config.SecureFile.Write(path, ceiling.ToJsonString(IndentedJson) + "\n", overwrite: true);
            }

            context.Output.Result(response.Body, () => WriteAgent(context, response.Body));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command State(string verb)
    {
        var id = new Argument<string>("agent-id") { Description = "The agent id." };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit trail).", HelpName = "text", Required = true };
        var description = verb == "suspend"
            ? "Suspend an agent: its live credentials are suspended too (every verifier denies them 'suspended' within moments) " +
              "and it gets no new credentials, issued or self-service, until resumed. Reversible: execgov revoke agent ends it for good (roles admin, responder)."
            : "Resume a suspended agent: the suspension of its credentials is lifted (revoked ones stay revoked) and it may get credentials again (roles admin, responder).";
        var command = new Command(verb, description).With(id, reason);
        command.Handle(async (context, cancellationToken) =>
        {
            var agentId = context.Parse.GetRequiredValue(id);
            var response = await context.Admin().SendAsync(HttpMethod.Post, $"v1/agents/{Uri.EscapeDataString(agentId)}/{verb}",
                new JsonObject { ["reason"] = context.Parse.GetRequiredValue(reason) }, cancellationToken).ConfigureAwait(false);
            context.Output.Result(response.Body, () => context.Output.Line($"Agent {agentId} is now {JsonRead.Str(response.Body, "status")}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteAgent(CliContext context, JsonNode agent) => context.Output.Properties(
        $"Agent {JsonRead.Str(agent, "id")}",
        [
            ("display name", JsonRead.Str(agent, "display_name")),
            ("owner", JsonRead.Str(agent, "owner")),
            ("status", JsonRead.Str(agent, "status")),
            ("key id", JsonRead.Str(agent["public_key"], "kid")),
            ("audiences", JsonRead.List(agent, "allowed_audiences")),
            ("ceiling", JsonRead.Compact(agent["ceiling"])),
            ("max lifetime", JsonRead.Long(agent, "max_lifetime_seconds") is { } s ? Durations.Format(TimeSpan.FromSeconds(s)) : null),
            ("registered", $"{Times.Show(agent, "registered_at")} by {JsonRead.Str(agent, "registered_by")}"),
            ("standing grant", JsonRead.Str(agent, "standing_grant_id")),
            ("updated", Times.Show(agent, "updated_at")),
        ]);
}
