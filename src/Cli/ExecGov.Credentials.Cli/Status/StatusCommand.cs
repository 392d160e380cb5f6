using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;

namespace ExecGov.Credentials.Cli.Status;

/// <summary>
/// <c>execgov status</c>: is the issuer up, how old are its signing keys, and how fresh are its status lists.
/// Key ages need a signed-in admin or auditor; without one the published key ids are shown. Exit 0 when the
/// issuer is ready, 5 when it is not (or cannot be reached).
/// </summary>
internal static class StatusCommand
{
    public static Command Build()
    {
        var command = new Command("status", "Show the issuer's health, signing key ages (when signed in) and status list freshness. Exit 0 when ready, 5 when not.");
        command.Handle(async (context, cancellationToken) =>
        {
            var issuer = context.Issuer();
            var (health, metadata, keys, lists) = await Progress.RunAsync(context.Output, "Checking the issuer…", async update =>
            {
                var health = await issuer.GetJsonAsync("healthz", cancellationToken, acceptServiceUnavailable: true).ConfigureAwait(false);
                var metadata = await issuer.GetJsonAsync(".well-known/execgov-issuer", cancellationToken).ConfigureAwait(false);
                update("Reading signing keys…");
                var keys = await KeysAsync(context, issuer, cancellationToken).ConfigureAwait(false);
                update("Reading status lists…");
                JsonNode lists;
                try
                {
                    lists = JsonRead.Str(metadata, "status_events_uri") is { } events && Uri.TryCreate(events, UriKind.Absolute, out var eventsUri)
                        ? await StatusListProbe.ReadAsync(eventsUri, cancellationToken).ConfigureAwait(false)
                        : new JsonObject { ["note"] = "this issuer publishes no status lists (revocation is not enabled)" };
                }
                catch (CliException ex)
                {
                    // The issuer itself answered; its revocation side is reported, not fatal: health decides the exit code.
                    lists = new JsonObject { ["note"] = ex.Message, ["error"] = ex.Code };
                }

                return (health, metadata, keys, lists);
            }).ConfigureAwait(false);

            var ready = JsonRead.Str(health, "status") == "ready";
            var document = new JsonObject
            {
                ["issuer"] = JsonRead.Str(metadata, "issuer"),
                ["url"] = CliContext.Display(issuer.BaseUri),
                ["ready"] = ready,
                ["health"] = health.DeepClone(),
                ["keys"] = keys,
                ["status_lists"] = lists,
            };
            var now = context.Time.GetUtcNow();
            context.Output.Result(document, () =>
            {
                var issuerId = JsonRead.Str(metadata, "issuer");
                var where = issuerId == CliContext.Display(issuer.BaseUri) ? issuerId : $"{issuerId} at {CliContext.Display(issuer.BaseUri)}";
                context.Output.Line($"Issuer {where}: {JsonRead.Str(health, "status")} (active key {JsonRead.Str(health, "active_kid")}).");
                if (keys is JsonArray keyList)
                {
                    context.Output.Table("Signing keys", ["kid", "status", "age", "published", "verify until"], keyList.Select(k => (IReadOnlyList<string?>)
                    [
                        JsonRead.Str(k, "kid"), JsonRead.Str(k, "status"),
                        Times.Read(k, "created_at") is { } created ? Durations.Format(now - created) : null,
                        JsonRead.Bool(k, "published") == true ? "yes" : "no", Times.Show(k, "verify_until"),
                    ]));
                }
                else
                {
                    context.Output.Line($"Signing keys: {JsonRead.List(keys, "published")} ({JsonRead.Str(keys, "note")}).");
                }

                if (lists is JsonArray listArray)
                {
                    context.Output.Table("Status lists", ["list", "version", "signed", "expires", "poll every", "problem"], listArray.Select(l => (IReadOnlyList<string?>)
                    [
                        JsonRead.Str(l, "uri"), JsonRead.Long(l, "version") is { } v ? JsonRead.Number(v) : null,
                        Times.Read(l, "issued_at") is { } iat ? $"{Durations.Format(now - iat)} ago" : null,
                        Times.Read(l, "expires_at") is { } exp ? Times.Relative(exp, now) : null,
                        JsonRead.Long(l, "ttl_seconds") is { } ttl ? $"{JsonRead.Number(ttl)}s" : null,
                        JsonRead.Str(l, "error"),
                    ]));
                }
                else
                {
                    context.Output.Line($"Status lists: {JsonRead.Str(lists, "note")?.TrimEnd('.')}.");
                }
            });
            return ready ? ExitCodes.Ok : ExitCodes.Unavailable;
        });
        return command;
    }

    private static async Task<JsonNode> KeysAsync(CliContext context, ServiceClient issuer, CancellationToken cancellationToken)
    {
        string note;
        try
        {
            return (await context.Admin().SendAsync(HttpMethod.Get, "v1/keys", null, cancellationToken).ConfigureAwait(false)).Body;
        }
        catch (CliException ex) when (ex.ExitCode == ExitCodes.Unauthorized)
        {
            note = "sign in as an admin or auditor to see their ages";
        }

        var jwks = await issuer.GetJsonAsync(".well-known/jwks.json", cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["published"] = new JsonArray(JsonRead.Items(jwks["keys"]).Select(k => (JsonNode)(JsonRead.Str(k, "kid") ?? "?")).ToArray()),
            ["note"] = note,
        };
    }
}
