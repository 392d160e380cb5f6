using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Scopes;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// <c>execgov credentials issue | request | approve | deny | collect | approvals | list | inspect</c>
/// (docs/http-api.md: Issuance, Approvals, Agent API).
/// </summary>
internal static class CredentialsCommand
{
    public static Command Build() =>
        new Command("credentials", "Issue, request, approve and inspect credentials.")
            .With(Issue(), RequestCommand.Build(), Decide("approve"), Decide("deny"), Collect(), Approvals(), CredentialListCommand.Build(), InspectCommand.Build());

    private static Command Issue()
    {
        var agent = new Option<string>("--agent") { Description = "The agent id.", HelpName = "id", Required = true };
        var audiences = new Option<string[]>("--audience") { Description = "A target service id (repeat for more).", HelpName = "audience", Required = true };
        var lifetime = new Option<string?>("--lifetime") { Description = "How long the credential lives, e.g. 5m (default: the issuer's, capped by the agent's maximum).", HelpName = "duration" };
        var session = new Option<string?>("--session") { Description = "The session id to put in the credential (default: the issuer picks one).", HelpName = "id" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the credential to this file (mode 0600) instead of printing it.", HelpName = "path" };
        var scope = new ScopeOptions("the credential");
        var command = new Command("issue",
                "Issue a credential to an agent as the signed-in admin (role admin). A consequential scope waits for an approver instead: exit 9 with the approval id.")
            .With(agent, audiences, lifetime, session, output)
            .With([.. scope.All]);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var body = new JsonObject
            {
                ["agent_id"] = parse.GetRequiredValue(agent),
                ["audience"] = ScopeOptions.Array(parse.GetRequiredValue(audiences)),
                ["authorization_details"] = scope.Build(parse),
            };
            if (parse.GetValue(lifetime) is { } l)
            {
                body["lifetime_seconds"] = (long)Durations.Parse(l, "--lifetime").TotalSeconds;
            }

            if (parse.GetValue(session) is { } s)
            {
                body["session_id"] = s;
            }

            var response = await context.Admin().SendAsync(HttpMethod.Post, "v1/credentials", body, cancellationToken).ConfigureAwait(false);
            if (response.Status == HttpStatusCode.Accepted)
            {
                return Pending(context, response.Body, "collect it with execgov credentials collect");
            }

            IssuedOutput.Write(context, response.Body, parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A request that waits for a human: the approval id and what to do next; exit 9.</summary>
    internal static int Pending(CliContext context, JsonNode pending, string next)
    {
        var id = JsonRead.Str(pending, "approval_id");
        context.Output.Result(pending, () => context.Output.Line(
            $"Waiting for an approver: approval {id} ({JsonRead.List(pending, "reasons")}), expires {Times.Show(pending, "expires_at")}. " +
            $"An approver runs execgov credentials approve {id}; then {next} {id}."));
        return ExitCodes.Pending;
    }

    private static Command Decide(string verb)
    {
        var id = new Argument<string>("approval-id") { Description = "The approval id (appr_…)." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded in the audit trail).", HelpName = "text" };
        var description = verb == "approve"
            ? "Approve a pending request (role approver; never your own). The credential is signed when its requester collects it."
            : "Deny a pending request (role approver; never your own).";
        var command = new Command(verb, description).With(id, reason);
        command.Handle(async (context, cancellationToken) =>
        {
            var approvalId = context.Parse.GetRequiredValue(id);
            var body = context.Parse.GetValue(reason) is { } r ? new JsonObject { ["reason"] = r } : new JsonObject();
            var response = await context.Admin().SendAsync(HttpMethod.Post, $"v1/approvals/{Uri.EscapeDataString(approvalId)}/{verb}", body, cancellationToken)
                .ConfigureAwait(false);
            context.Output.Result(response.Body, () => context.Output.Line(
                $"Approval {approvalId} is now {JsonRead.Str(response.Body, "status")} (agent {JsonRead.Str(response.Body, "agent_id")}, requested by {JsonRead.Str(response.Body, "requested_by")})."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Collect()
    {
        var id = new Argument<string>("approval-id") { Description = "The approved request's id (appr_…)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the credential to this file (mode 0600) instead of printing it.", HelpName = "path" };
        var command = new Command("collect", "Collect the credential of your approved request, once (role admin; the requesting admin only).").With(id, output);
        command.Handle(async (context, cancellationToken) =>
        {
            var approvalId = context.Parse.GetRequiredValue(id);
            var response = await context.Admin().SendAsync(HttpMethod.Post, $"v1/approvals/{Uri.EscapeDataString(approvalId)}/collect", null, cancellationToken)
                .ConfigureAwait(false);
            var issued = response.Body["credential"]
                ?? throw new CliException(ExitCodes.Unavailable, "invalid_response", "The issuer's answer holds no credential; check the issuer's version.");
            IssuedOutput.Write(context, issued, context.Parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Approvals()
    {
        var status = new Option<string?>("--status") { Description = "Only requests in this state.", HelpName = "state" };
        status.AcceptOnlyFromAmong("pending", "approved", "denied", "collected", "expired");
        var command = new Command("approvals", "List approval requests (roles approver, admin, auditor).").With(status);
        command.Handle(async (context, cancellationToken) =>
        {
            var filter = context.Parse.GetValue(status);
            var response = await context.Admin().SendAsync(HttpMethod.Get, filter is null ? "v1/approvals" : "v1/approvals?status=" + filter, null, cancellationToken)
                .ConfigureAwait(false);
            context.Output.Result(response.Body, () => context.Output.Table(
                filter is null ? "Approval requests" : $"Approval requests ({filter})",
                ["approval", "status", "agent", "requested by", "requested", "reasons", "decided by"],
                JsonRead.Items(response.Body).Select(a => (IReadOnlyList<string?>)
                [
                    JsonRead.Str(a, "approval_id"), JsonRead.Str(a, "status"), JsonRead.Str(a, "agent_id"), JsonRead.Str(a, "requested_by"),
                    Times.Show(a, "requested_at"), JsonRead.List(a, "reasons"), JsonRead.Str(a, "decided_by"),
                ])));
            return ExitCodes.Ok;
        });
        return command;
    }
}
