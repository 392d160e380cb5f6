using System.Globalization;

namespace ExecGov.Credentials.Cli;

/// <summary>Parses durations written as <c>90s</c>, <c>20m</c>, <c>1h</c>, <c>2d</c> or <c>hh:mm:ss</c>.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliException(ExitCodes.InvalidInput, "A duration is required, e.g. 20m or 1h.");
        }

        var unit = text[^1];
        if (char.IsLetter(unit) &&
            double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(value),
                'm' => TimeSpan.FromMinutes(value),
                'h' => TimeSpan.FromHours(value),
                'd' => TimeSpan.FromDays(value),
                _ => throw Invalid(text),
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : throw Invalid(text);
    }

    private static CliException Invalid(string text) =>
        new(ExitCodes.InvalidInput, $"'{text}' is not a duration; write it as 90s, 20m, 1h or 2d.");
}
