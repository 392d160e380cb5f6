using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Json;

namespace ExecGov.Credentials.Cli.Scopes;

/// <summary>
/// The options that describe authorization details (docs/credential-format.md §2): one entry from flags
/// (<c>--action</c>, <c>--resource</c>, <c>--location</c>, constraints), or any number from <c>--scope-file</c>.
/// Built into the issuer's JSON shape; the issuer validates it.
/// </summary>
internal sealed class ScopeOptions
{
    private readonly string _what;

    public ScopeOptions(string what)
    {
        _what = what;
        Actions = new Option<string[]>("--action") { Description = $"An action of {what}, e.g. payments.release, invoices.* (repeat for more).", HelpName = "action" };
        Resources = new Option<string[]>("--resource") { Description = $"A resource of {what}, e.g. invoice:2026-118 or invoice:* (repeat for more; none = any).", HelpName = "resource" };
        Locations = new Option<string[]>("--location") { Description = $"An audience {what} applies to (repeat for more; none = every audience).", HelpName = "audience" };
        MaxAmount = new Option<decimal?>("--max-amount") { Description = "Constraint: the largest amount allowed.", HelpName = "amount" };
        Currency = new Option<string?>("--currency") { Description = "Constraint: the only currency allowed (three capital letters, e.g. EUR).", HelpName = "code" };
        Destinations = new Option<string[]>("--destination") { Description = "Constraint: an allowed destination account (repeat for more).", HelpName = "account" };
        TimeWindow = new Option<string?>("--time-window") { Description = "Constraint: allowed UTC time of day, HH:mm-HH:mm (wraps past midnight when start > end).", HelpName = "window" };
        ScopeFile = new Option<string?>("--scope-file")
        {
            Description = $"A JSON file with {what} as an array of authorization details (docs/credential-format.md); replaces the flags above.",
            HelpName = "path",
        };
    }

    public Option<string[]> Actions { get; }

    public Option<string[]> Resources { get; }

    public Option<string[]> Locations { get; }

    public Option<decimal?> MaxAmount { get; }

    public Option<string?> Currency { get; }

    public Option<string[]> Destinations { get; }

    public Option<string?> TimeWindow { get; }

    public Option<string?> ScopeFile { get; }

    public IEnumerable<Symbol> All => [Actions, Resources, Locations, MaxAmount, Currency, Destinations, TimeWindow, ScopeFile];

    /// <summary>The authorization details as the issuer's JSON array.</summary>
    public JsonArray Build(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var actions = parse.GetValue(Actions) ?? [];
        var file = parse.GetValue(ScopeFile);
        if (file is not null)
        {
            if (actions.Length > 0 || (parse.GetValue(Resources)?.Length ?? 0) > 0)
            {
                throw new CliException(ExitCodes.Usage, "usage", "Give --scope-file or --action/--resource flags, not both.");
            }

            return ReadFile(file);
        }

        if (actions.Length == 0)
        {
            throw new CliException(ExitCodes.Usage, "usage", $"Name at least one --action for {_what} (or give --scope-file).");
        }

        var detail = new JsonObject
        {
            ["type"] = "execgov_action",
            ["actions"] = Array(actions),
        };
        if (parse.GetValue(Locations) is { Length: > 0 } locations)
        {
            detail["locations"] = Array(locations);
        }

        if (parse.GetValue(Resources) is { Length: > 0 } resources)
        {
            detail["resources"] = Array(resources);
        }

        var constraints = new JsonObject();
        if (parse.GetValue(MaxAmount) is { } max)
        {
            constraints["max_amount"] = max;
        }

        if (parse.GetValue(Currency) is { } currency)
        {
            constraints["currency"] = currency;
        }

        if (parse.GetValue(Destinations) is { Length: > 0 } destinations)
        {
            constraints["destinations"] = Array(destinations);
        }

        if (parse.GetValue(TimeWindow) is { } window)
        {
            constraints["time_window"] = ParseWindow(window);
        }

        if (constraints.Count > 0)
        {
            detail["constraints"] = constraints;
        }

        return [detail];
    }

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static JsonObject ParseWindow(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 &&
            TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) &&
            TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return new JsonObject { ["start"] = parts[0], ["end"] = parts[1] };
        }

        throw new CliException(ExitCodes.Usage, "usage", $"--time-window: '{text}' is not HH:mm-HH:mm, e.g. 09:00-17:00.");
    }

    private static JsonArray ReadFile(string path)
    {
        var text = SecureFile.ReadText(path, "Scope file", "check --scope-file.");
        try
        {
            return JsonNode.Parse(text) switch
            {
                JsonArray array => array,
                JsonObject single => [single.DeepClone()],
                _ => throw new CliException(ExitCodes.InvalidInput, "invalid_scope_file", $"The scope file {path} must hold a JSON array of authorization details."),
            };
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, "invalid_scope_file", $"The scope file {path} is not valid JSON ({JsonErrorText.Describe(ex)}).");
        }
    }
}
