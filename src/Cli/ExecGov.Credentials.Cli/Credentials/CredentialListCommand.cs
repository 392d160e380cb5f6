using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Verification;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// <c>execgov credentials list</c>: issued credentials with their state now, one line each, in 80 columns. The state
/// of a live credential comes from the issuer's signed status lists, checked with the verifier library (what a
/// verifier would answer), not from the issuer's word; requests still waiting for an approver are listed as
/// <c>pending</c>.
/// </summary>
internal static class CredentialListCommand
{
    /// <summary>The states, in the order a summary names them.</summary>
    private static readonly string[] States = ["active", "pending", "suspended", "revoked", "expired", "unknown"];

    public static Command Build()
    {
        var agent = new Option<string?>("--agent") { Description = "Only this agent's credentials.", HelpName = "id" };
        var session = new Option<string?>("--session") { Description = "Only this session's credentials.", HelpName = "id" };
        var command = new Command("list",
            "List issued credentials, oldest first, never the tokens, with their state (active, suspended, revoked, expired; " +
            "pending: waiting for an approver) (roles admin, responder, auditor).").With(agent, session);
        command.Handle(async (context, cancellationToken) =>
        {
            var agentId = context.Parse.GetValue(agent);
            var sessionId = context.Parse.GetValue(session);
            var query = new List<string>();
            if (agentId is not null)
            {
                query.Add("agent_id=" + Uri.EscapeDataString(agentId));
            }

            if (sessionId is not null)
            {
                query.Add("session_id=" + Uri.EscapeDataString(sessionId));
            }

            var admin = context.Admin();
            var path = query.Count == 0 ? "v1/credentials" : "v1/credentials?" + string.Join('&', query);
            var response = await admin.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            var credentials = JsonRead.Items(response.Body).OfType<JsonObject>().ToList();
            var now = context.Time.GetUtcNow();
            if (credentials.Count > 0)
            {
                using var local = await LocalVerifier.CreateAsync(context, "execgov-cli", cancellationToken).ConfigureAwait(false);
                foreach (var credential in credentials)
                {
                    credential["state"] = await StateAsync(local, credential, now, cancellationToken).ConfigureAwait(false);
                }
            }

            var pending = await PendingAsync(admin, agentId, sessionId, cancellationToken).ConfigureAwait(false);
            context.Output.Result(response.Body, () =>
            {
                var rows = credentials
                    .Select(c => (IReadOnlyList<string?>)[JsonRead.Str(c, "credential_id"), JsonRead.Str(c, "state"), Short(Times.Read(c, "expires_at")), JsonRead.Str(c, "agent_id")])
                    .Concat(pending.Select(a => (IReadOnlyList<string?>)[JsonRead.Str(a, "approval_id"), "pending", Short(Times.Read(a, "expires_at")), JsonRead.Str(a, "agent_id")]))
                    .ToList();
                if (rows.Count == 0)
                {
                    context.Output.Line("Credentials: none.");
                    return;
                }

                context.Output.Columns(["CREDENTIAL", "STATE", "EXPIRES UTC", "AGENT"], rows);
                var counts = States
                    .Select(s => (State: s, Count: rows.Count(r => r[1] == s)))
                    .Where(c => c.Count > 0)
                    .Select(c => $"{c.Count} {c.State}");
                context.Output.Line($"{rows.Count} listed: {string.Join(", ", counts)}.");
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>revoked or suspended (from the signed status list) before expired; active only when the list says valid.</summary>
    private static async Task<string> StateAsync(LocalVerifier local, JsonObject credential, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = Times.Read(credential, "expires_at") is { } expires && expires <= now;
        if (credential["status"] is not JsonObject reference || JsonRead.Str(reference, "uri") is not { } uri || JsonRead.Long(reference, "idx") is not { } index)
        {
            return expired ? "expired" : "unknown";
        }

        var status = await local.Status.GetStatusAsync(local.IssuerId, new StatusListReference { Uri = uri, Index = checked((int)index) }, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            CredentialStatus.Revoked => "revoked",
            CredentialStatus.Suspended => "suspended",
            _ when expired => "expired",
            CredentialStatus.Valid => "active",
            _ => "unknown",
        };
    }

    /// <summary>Requests waiting for an approver; none when the caller may not read approvals (a responder).</summary>
    private static async Task<List<JsonObject>> PendingAsync(ServiceClient admin, string? agentId, string? sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await admin.SendAsync(HttpMethod.Get, "v1/approvals?status=pending", null, cancellationToken).ConfigureAwait(false);
            return JsonRead.Items(response.Body).OfType<JsonObject>()
                .Where(a => agentId is null || JsonRead.Str(a, "agent_id") == agentId)
                .Where(a => sessionId is null || JsonRead.Str(a, "session_id") == sessionId)
                .ToList();
        }
        catch (CliException ex) when (ex.Code == "forbidden")
        {
            return [];
        }
    }

    /// <summary>Month, day and minute: credentials live minutes to a day, and the full time is in <c>--json</c>.</summary>
    private static string? Short(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
