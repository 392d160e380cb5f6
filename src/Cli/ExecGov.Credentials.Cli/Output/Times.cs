using System.Globalization;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Cli.Output;

/// <summary>Formats times for people: UTC, seconds precision, and how far from now.</summary>
internal static class Times
{
    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? value) => value is { } v ? Iso(v) : null;

    public static string FromUnix(long seconds) => Iso(DateTimeOffset.FromUnixTimeSeconds(seconds));

    /// <summary>"2026-11-22T09:00:00Z (in 4m10s)" or "(3m ago)".</summary>
    public static string Relative(DateTimeOffset value, DateTimeOffset now)
    {
        var delta = value - now;
        return delta >= TimeSpan.Zero ? $"{Iso(value)} (in {Durations.Format(delta)})" : $"{Iso(value)} ({Durations.Format(delta.Negate())} ago)";
    }

    /// <summary>Reads an RFC 3339 member of an issuer answer.</summary>
    public static DateTimeOffset? Read(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;

    public static string? Show(JsonNode? node, string name) => Read(node, name) is { } t ? Iso(t) : null;
}
