using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Credentials;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;

namespace ExecGov.Credentials.Cli.Revocation;

/// <summary>
/// <c>execgov revoke credential | session | agent | authoriser | key | key-holder</c>: one revocation act through
/// <c>POST /v1/revocations</c> (docs/revocation.md §1, role responder). Asks for confirmation unless <c>--yes</c>;
/// prints how many credentials the act covered and when the status lists changed.
/// </summary>
internal static class RevokeCommand
{
    public static Command Build() => new Command("revoke",
            "Revoke (or suspend, or lift a suspension of) a credential, a session, everything of an agent, everything a person authorised, everything a signing key signed, or everything bound to a holder key (role responder).")
        .With(
            Scope("credential", "credential", "credential-id", "one credential (its id, cred_…, or a file holding it)"),
            Scope("session", "session", "session-id", "every credential of a session; later issuance into it is refused"),
            Scope("agent", "agent", "agent-id", "every live credential of an agent; nothing new is issued to it"),
            Scope("authoriser", "authoriser", "subject", "everything a person (an authoriser subject) approved; nothing new is issued under them"),
            Scope("key", "signing_key", "key-id", "every credential a signing key signed; the key leaves the issuer's key set as compromised (rotate first)"),
            Scope("key-holder", "holder_key", "thumbprint", "every credential bound to a holder key (cnf.jkt, the agent key's thumbprint shown by 'agents show'), whichever agent holds it; nothing new is issued to that key"));

    private static Command Scope(string name, string wireScope, string argumentName, string what)
    {
        var target = new Argument<string>(argumentName)
        {
            Description = wireScope == "credential" ? "The credential id, or a file holding the credential." : $"The {argumentName.Replace('-', ' ')}.",
        };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit trail with your identity).", HelpName = "text", Required = true };
        var suspend = new Option<bool>("--suspend") { Description = "Suspend instead of revoking (reversible with --unsuspend)." };
        var unsuspend = new Option<bool>("--unsuspend") { Description = "Lift an earlier suspension of the same target (a revocation is never lifted)." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var command = new Command(name, $"Revoke {what}.").With(target, reason, suspend, unsuspend, yes);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var targetValue = parse.GetRequiredValue(target);
            if (wireScope == "credential" && File.Exists(targetValue))
            {
                // A credential file: revoke the credential it holds (its jti), as people keep credentials in files.
                targetValue = TokenParts.Decode(await CredentialInput.ReadAsync(targetValue, cancellationToken).ConfigureAwait(false)).Claims.CredentialId;
            }

            if (parse.GetValue(suspend) && parse.GetValue(unsuspend))
            {
                throw new CliException(ExitCodes.Usage, "usage", "Give --suspend or --unsuspend, not both.");
            }

            var action = parse.GetValue(suspend) ? "suspend" : parse.GetValue(unsuspend) ? "unsuspend" : "revoke";
            var admin = context.Admin();
            if (!parse.GetValue(yes))
            {
                var question = action switch
                {
                    "revoke" => $"Revoke {$"{Covers(wireScope)} {name}".TrimStart()} {targetValue}? This cannot be undone.",
                    "suspend" => $"Suspend {$"{Covers(wireScope)} {name}".TrimStart()} {targetValue}?",
                    _ => $"Lift the suspension of {name} {targetValue}?",
                };
                await Confirmation.RequireAsync(context, question, cancellationToken).ConfigureAwait(false);
            }

            var body = new JsonObject { ["scope"] = wireScope, ["target"] = targetValue, ["action"] = action, ["reason"] = parse.GetRequiredValue(reason) };
            var response = await Progress.RunAsync(context.Output, $"Recording the {action} act…",
                _ => admin.SendAsync(HttpMethod.Post, "v1/revocations", body, cancellationToken)).ConfigureAwait(false);
            var result = response.Body.DeepClone().AsObject();
            result["scope"] = wireScope;
            result["target"] = targetValue;
            result["action"] = action;
            context.Output.Result(result, () =>
            {
                var covered = JsonRead.Long(result, "covered") ?? 0;
                var changed = JsonRead.Long(result, "changed") ?? 0;
                var verb = action switch { "revoke" => "Revoked", "suspend" => "Suspended", _ => "Lifted the suspension of" };
                var when = JsonRead.Str(result, "changed_at") is { } at && changed > 0
                    ? $"status lists changed at {Times.Show(result, "changed_at") ?? at}"
                    : "no status list entry changed";
                context.Output.Line(
                    $"{verb} {name} {targetValue}: {covered} credential{(covered == 1 ? string.Empty : "s")} covered, {changed} changed; {when} (act {JsonRead.Str(result, "act_id")}).");
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Covers(string scope) => scope switch
    {
        "credential" => string.Empty,
        "session" => "every credential of",
        "agent" => "every credential of",
        "authoriser" => "everything authorised by",
        "holder_key" => "every credential bound to",
        _ => "every credential signed by",
    };
}
