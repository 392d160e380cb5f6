using System.Globalization;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Cli.Http;

/// <summary>Reads members of service answers for display; a missing or differently typed member reads as null.</summary>
internal static class JsonRead
{
    public static string? Str(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v
            ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
            : null;

    /// <summary>A member of any kind as text: strings as they are, objects and arrays as compact JSON.</summary>
    public static string? Any(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is not null
            ? value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString()
            : null;

    public static long? Long(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    public static bool? Bool(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static string List(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonArray array
            ? string.Join(", ", array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString()))
            : string.Empty;

    public static IEnumerable<JsonNode> Items(JsonNode? node) =>
        node is JsonArray array ? array.Where(i => i is not null).Select(i => i!) : [];

    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "-";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
