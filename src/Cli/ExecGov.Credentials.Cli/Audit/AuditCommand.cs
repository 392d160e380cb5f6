using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Credentials;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Issuer.Audit;

namespace ExecGov.Credentials.Cli.Audit;

/// <summary><c>execgov audit trace | verify</c>: the issuer's hash-chained audit trail (docs/http-api.md, Audit; role auditor).</summary>
internal static class AuditCommand
{
    public static Command Build() => new Command("audit", "Trace credentials and sessions to the people who authorised them, and check the audit chain.")
        .With(Trace(), Verify());

    private static Command Trace()
    {
        var id = new Argument<string>("id") { Description = "A credential id (cred_…), a session id, or a file holding a credential (its id is traced)." };
        var command = new Command("trace",
            "Tell the whole story of a credential or session: agent and owner, authoriser, approval, scope, lifetime, and every later event including each verifier decision (role auditor).").With(id);
        command.Handle(async (context, cancellationToken) =>
        {
            var query = context.Parse.GetRequiredValue(id);
            if (File.Exists(query))
            {
                // A credential file: trace the credential it holds (its jti), as people keep credentials in files.
                query = TokenParts.Decode(await CredentialInput.ReadAsync(query, cancellationToken).ConfigureAwait(false)).Claims.CredentialId;
            }

            var admin = context.Admin();
            var response = await admin.SendAsync(HttpMethod.Get, "v1/audit/trace/" + Uri.EscapeDataString(query), null, cancellationToken).ConfigureAwait(false);
            var trace = response.Body;
            context.Output.Result(trace, () => TraceText.Write(context.Output, trace));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify()
    {
        var database = new Option<string?>("--database")
        {
            Description = "Check a stopped issuer's database file (data/execgov.db) read-only instead of asking the running issuer.",
            HelpName = "path",
        };
        var command = new Command("verify",
            "Check the audit trail's hash chain and list every broken record; exit 4 when broken (role auditor, or --database offline).").With(database);
        command.Handle(async (context, cancellationToken) =>
        {
            JsonNode report;
            if (context.Parse.GetValue(database) is { } path)
            {
                report = Offline(path);
            }
            else
            {
                report = (await context.Admin().SendAsync(HttpMethod.Get, "v1/audit/verify", null, cancellationToken).ConfigureAwait(false)).Body;
            }

            var intact = JsonRead.Bool(report, "intact") == true;
            context.Output.Result(report, () =>
            {
                if (intact)
                {
                    context.Output.Line($"Audit chain intact: {JsonRead.Long(report, "record_count")} records, last hash {JsonRead.Str(report, "last_hash")} (pin it somewhere else to detect a rewrite).");
                    return;
                }

                var breaks = report["breaks"] as JsonArray ?? [];
                context.Output.Line($"Audit chain BROKEN: {breaks.Count} broken record(s) of {JsonRead.Long(report, "record_count")}.");
                foreach (var broken in breaks)
                {
                    context.Output.Line($"  record {JsonRead.Long(broken, "seq")} (position {JsonRead.Long(broken, "position")}): {JsonRead.Str(broken, "problem")}");
                }
            });
            return intact ? ExitCodes.Ok : ExitCodes.Denied;
        });
        return command;
    }

    private static JsonObject Offline(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.NotFound, "file_not_found", $"Database file {path} does not exist; pass the issuer's data/execgov.db (stop the issuer first).");
        }

        AuditChainReport report;
        try
        {
            report = AuditChainVerifier.Verify(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            throw new CliException(ExitCodes.InvalidInput, "database_unreadable", $"Cannot read {path} ({ex.Message}); stop the issuer first, and check it is the issuer's execgov.db.");
        }

        var result = new JsonObject { ["intact"] = report.IsIntact, ["record_count"] = report.RecordCount };
        if (report.FirstBrokenSequence is { } seq)
        {
            result["first_broken_seq"] = seq;
        }

        if (report.Problem is { } problem)
        {
            result["problem"] = problem;
        }

        result["breaks"] = new JsonArray([.. report.Breaks.Select(b => (JsonNode)new JsonObject { ["seq"] = b.Sequence, ["position"] = b.Position, ["problem"] = b.Problem })]);
        if (report.LastHash is { } hash)
        {
            result["last_hash"] = hash;
        }

        return result;
    }
}
