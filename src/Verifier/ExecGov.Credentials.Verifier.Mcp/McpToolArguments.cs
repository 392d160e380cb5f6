using System.Globalization;
using System.Text.Json;
using ExecGov.Credentials.Verifier.Policy;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>
/// The arguments of one <c>tools/call</c>, as a tool mapping reads them to build the resource and constraint values.
/// The readers are strict where the tool's own parameter binding could read something else: an argument named
/// twice (differing only in case) reads as missing, and so does one of the wrong JSON kind, so a constraint on it
/// fails rather than checking a value the tool will not use.
/// </summary>
public sealed class McpToolArguments
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    internal McpToolArguments(string toolName, IDictionary<string, JsonElement>? arguments)
    {
        ToolName = toolName;
        Arguments = arguments is null ? Empty : arguments.AsReadOnly();
    }

    /// <summary>The tool called.</summary>
    public string ToolName { get; }

    /// <summary>The raw arguments.</summary>
    public IReadOnlyDictionary<string, JsonElement> Arguments { get; }

    /// <summary>A string argument (a JSON number is read as its text, e.g. an invoice number); null when missing or ambiguous.</summary>
    public string? GetString(string name) => Find(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// A decimal argument (a JSON number, or a string holding one); null when missing, ambiguous, not a number, or
    /// outside the verifier's amount grammar (docs/verifier.md, "Amounts") or not exactly representable, so a
    /// constraint on it fails rather than checking a rounded value.
    /// </summary>
    public decimal? GetDecimal(string name)
    {
        var text = Find(name) switch
        {
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            _ => null,
        };
        if (text is null || !Amounts.IsWellFormed(text) ||
            !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ||
            Amounts.Compare(text, amount.ToString(CultureInfo.InvariantCulture)) != 0)
        {
            return null;
        }

        return amount;
    }

    private JsonElement? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        JsonElement? found = null;
        foreach (var (key, value) in Arguments)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    return null; // "amount" and "Amount": which one the tool binds is not ours to guess
                }

                found = value;
            }
        }

        return found;
    }
}
