using System.Globalization;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;

namespace ExecGov.Credentials.Cli.Audit;

/// <summary>
/// The trace document for people: each credential as a short block, then one line per audit record, oldest first,
/// with ISO 8601 UTC times and the record's details as words and <c>name=value</c> pairs instead of raw JSON
/// (<c>--json</c> keeps the issuer's document as it is).
/// </summary>
internal static class TraceText
{
    public static void Write(CliOutput output, JsonNode trace)
    {
        foreach (var credential in JsonRead.Items(trace["credentials"]))
        {
            var agent = credential["agent"];
            var authoriser = credential["authoriser"];
            var approval = credential["approval"];
            output.Line($"Credential {JsonRead.Str(credential, "credential_id")} (session {JsonRead.Str(credential, "session_id")})");
            output.Line($"  agent       {JsonRead.Str(agent, "id")} ({JsonRead.Str(agent, "display_name")}), owner {JsonRead.Str(agent, "owner")}, {JsonRead.Str(agent, "status")}");
            output.Line($"  authoriser  {JsonRead.Str(authoriser, "sub")}{(JsonRead.Str(authoriser, "name") is { } n ? $" ({n})" : string.Empty)}, requested by {JsonRead.Str(credential, "requested_by")}");
            output.Line("  approval    " + (approval is null ? "none (issued directly)"
                : $"{JsonRead.Str(approval, "approval_id")}: requested by {JsonRead.Str(approval, "requested_by")} at {Times.Show(approval, "requested_at")}, " +
                  $"decided by {JsonRead.Str(approval, "decided_by")} at {Times.Show(approval, "decided_at")}"));
            output.Line($"  audience    {JsonRead.List(credential, "audience")}");
            output.Line($"  scope       {Scope(credential["scope"])}");
            output.Line($"  valid       {Times.Show(credential, "issued_at")} to {Times.Show(credential, "expires_at")}");
            output.Line($"  key         {JsonRead.Str(credential, "key_id")}");
            output.Line(string.Empty);
        }

        var events = JsonRead.Items(trace["events"]).ToList();
        output.Line($"Events for {JsonRead.Str(trace, "query")} ({JsonRead.Str(trace, "kind")}), oldest first: {events.Count}");
        var perSession = JsonRead.Str(trace, "kind") == "session";
        foreach (var record in events)
        {
            output.Line(Line(record, perSession));
        }
    }

    /// <summary><c>2026-11-22T09:00:01Z  #7  decision_recorded  allow payments.release on invoice:1 …</c></summary>
    private static string Line(JsonNode record, bool perSession)
    {
        var details = record["details"];
        var kind = JsonRead.Str(record, "kind") ?? "?";
        var what = kind switch
        {
            "decision_recorded" => Decision(details),
            "credential_issued" => $"{Scope(details?["authorization_details"])} for {JsonRead.List(details, "audience")}, " +
                                   $"until {Time(details?["expires_at"])}",
            "revocation_recorded" => $"{JsonRead.Str(details, "action")} {JsonRead.Str(details, "scope")} {JsonRead.Str(details, "target")}: " +
                                     $"\"{JsonRead.Str(details, "reason")}\", {JsonRead.Long(details, "covered")} covered, {JsonRead.Long(details, "changed")} changed " +
                                     $"(act {JsonRead.Long(details, "act_id")})",
            _ => Pairs(details),
        };
        var seq = JsonRead.Long(record, "seq") is { } s ? "#" + JsonRead.Number(s) : "#?";
        var actor = JsonRead.Str(record, "actor") is { } a ? $" by {a}" : string.Empty;
        var credential = perSession && JsonRead.Str(record, "credential_id") is { } c ? $" [{c}]" : string.Empty;
        return CliOutput.OneLine($"{Times.Show(record, "at")}  {seq}  {kind}{actor}{credential}: {what}");
    }

    private static string Decision(JsonNode? details)
    {
        var decision = JsonRead.Str(details, "decision");
        var reason = JsonRead.Str(details, "reason");
        var outcome = decision == "allow" ? "allow" : $"{decision} {reason}";
        return $"{outcome}: {JsonRead.Str(details, "action")} on {JsonRead.Str(details, "resource")} at {JsonRead.Str(details, "audience")}, decided {Time(details?["decided_at"])} " +
               $"(verifier {JsonRead.Str(details, "verifier")}, authoriser {JsonRead.Str(details, "authoriser")}, decision {JsonRead.Str(details, "decision_id")})";
    }

    /// <summary>An authorization-details array in words: <c>payments.release on invoice:2026-118, at most 500 EUR</c>.</summary>
    public static string Scope(JsonNode? details)
    {
        var entries = JsonRead.Items(details).Select(detail =>
        {
            var text = new List<string> { JsonRead.List(detail, "actions") };
            var resources = JsonRead.List(detail, "resources");
            text.Add(resources.Length == 0 ? "on any resource" : "on " + resources);
            var locations = JsonRead.List(detail, "locations");
            if (locations.Length > 0)
            {
                text.Add("at " + locations);
            }

            var constraints = detail["constraints"];
            var parts = new List<string>();
            if (JsonRead.Str(constraints, "max_amount") is { } max)
            {
                parts.Add($"at most {max}{(JsonRead.Str(constraints, "currency") is { } cur ? " " + cur : string.Empty)}");
            }
            else if (JsonRead.Str(constraints, "currency") is { } currency)
            {
                parts.Add("in " + currency);
            }

            if (JsonRead.List(constraints, "destinations") is { Length: > 0 } destinations)
            {
                parts.Add("to " + destinations);
            }

            if (constraints?["time_window"] is JsonObject window)
            {
                parts.Add($"between {JsonRead.Str(window, "start")} and {JsonRead.Str(window, "end")} UTC");
            }

            return string.Join(' ', text) + (parts.Count > 0 ? ", " + string.Join(", ", parts) : string.Empty);
        }).ToList();
        return entries.Count == 0 ? "-" : string.Join("; ", entries);
    }

    /// <summary>Any other record's details as <c>name=value</c> pairs, times in ISO 8601, nested values flattened one level.</summary>
    private static string Pairs(JsonNode? details, string prefix = "")
    {
        if (details is not JsonObject obj)
        {
            return details is null ? "-" : CliOutput.OneLine(JsonRead.Compact(details));
        }

        var pairs = new List<string>();
        foreach (var (name, value) in obj)
        {
            var key = prefix + name;
            switch (value)
            {
                case null:
                    break;
                case JsonObject nested when prefix.Length == 0:
                    pairs.Add(Pairs(nested, key + "."));
                    break;
                case JsonArray array:
                    pairs.Add($"{key}={string.Join(',', array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var t) ? t : i?.ToJsonString()))}");
                    break;
                case JsonValue scalar when name.EndsWith("_at", StringComparison.Ordinal):
                    pairs.Add($"{key}={Time(scalar)}");
                    break;
                case JsonValue scalar:
                    pairs.Add($"{key}={(scalar.TryGetValue<string>(out var text) ? Quote(text) : scalar.ToJsonString())}");
                    break;
                default:
                    pairs.Add($"{key}={value.ToJsonString()}");
                    break;
            }
        }

        return pairs.Count == 0 ? "-" : string.Join(' ', pairs);
    }

    /// <summary>A time given as Unix seconds or as an RFC 3339 string, in ISO 8601 UTC to the second.</summary>
    private static string? Time(JsonNode? value) =>
        value is not JsonValue v ? null
        : v.TryGetValue<long>(out var seconds) ? Times.FromUnix(seconds)
        : v.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? Times.Iso(parsed)
        : v.ToJsonString();

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}
