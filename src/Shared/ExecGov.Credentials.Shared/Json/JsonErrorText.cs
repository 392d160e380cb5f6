using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Json;

/// <summary>
/// Turns a <see cref="JsonException"/> into one plain sentence for a person: which member or position is wrong and
/// what kind of value was expected, never a .NET type name (the serializer's own messages say
/// "could not be converted to System.Int64" or "mapped to any .NET member contained in type 'ExecGov.…'").
/// The one place every service and the command line describe a JSON input they refused.
/// </summary>
public static partial class JsonErrorText
{
    /// <summary>
    /// Describes <paramref name="exception"/> in plain text: the position (<c>$.member</c> or a byte offset) and what
    /// is wrong there. The text holds only what the caller sent (member names) and fixed words.
    /// </summary>
    /// <param name="exception">What the serializer or reader threw.</param>
    /// <returns>A sentence without a trailing period, such as <c>$.lifetime_seconds must be a whole number</c>.</returns>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var where = exception.Path is { Length: > 1 } path ? path
            : exception.BytePositionInLine is { } position ? string.Create(CultureInfo.InvariantCulture, $"byte {position + 1} of line {(exception.LineNumber ?? 0) + 1}")
            : "the body";

        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            return $"unknown member '{unknown.Groups[1].Value}'";
        }

        if (MissingMembers().Match(message) is { Success: true } missing)
        {
            return $"missing required member(s) {Trim(missing.Groups[1].Value)}";
        }

        if (message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"duplicate member at {where}";
        }

        if (message.Contains("null value", StringComparison.OrdinalIgnoreCase) || message.Contains("setting null", StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} may not be null";
        }

        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            return $"{where} must be {Kind(converted.Groups[1].Value + " " + exception.InnerException?.Message)}";
        }

        // The reader's own messages ("'x' is an invalid start of a value.", "Expected depth to be zero…") name no
        // type; anything else that does is summarised instead of quoted.
        var cut = Trim(message);
        return TypeName().IsMatch(cut) ? $"not valid JSON for this request at {where}" : $"not valid JSON at {where}: {cut}";
    }

    private static string Trim(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" Path:", " LineNumber:", " | "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.Trim().TrimEnd('.');
    }

    /// <summary>
    /// The kind of value expected, from the type the serializer names and the reader's inner message ("Cannot get
    /// the value of a token type 'String' as a number", "out of bounds for an Int64"): source-generated readers name
    /// the containing type in the outer message, so the inner one is often the only clue.
    /// </summary>
    private static string Kind(string clues)
    {
        foreach (var (markers, kind) in Kinds)
        {
            foreach (var marker in markers)
            {
                if (clues.Contains(marker, StringComparison.Ordinal))
                {
                    return kind;
                }
            }
        }

        return "a value of the documented form (see the API reference)";
    }

    private static readonly (string[] Markers, string Kind)[] Kinds =
    [
        (["[]", "List`", "Enumerable`", "Collection`", "Set`", "JsonArray"], "an array"),
        (["Dictionary`", "JsonObject"], "an object"),
        (["DateTimeOffset", "DateTime"], "a date and time (ISO 8601, e.g. 2026-11-22T09:00:00Z)"),
        (["TimeSpan"], "a duration (hh:mm:ss)"),
        (["Int16", "Int32", "Int64", "UInt", "Byte"], "a whole number"),
        (["Decimal", "Double", "Single", " as a number"], "a number"),
        (["Boolean", " as a boolean"], "true or false"),
        (["System.String", " as a string"], "a string"),
        (["Guid"], "a GUID string"),
        (["System.Uri"], "a URL string"),
    ];

    [GeneratedRegex(@"The JSON property '(.*?)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties[^:]*:\s*(.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MissingMembers();

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.?(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"\b(?:System|Microsoft|ExecGov|LiteDB)\.[A-Za-z_]|\btype '|\.NET\b", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
