using System.Globalization;

namespace ExecGov.Credentials.Cli;

/// <summary>Parses durations written as <c>90s</c>, <c>20m</c>, <c>1h</c>, <c>2d</c> or <c>hh:mm:ss</c>.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(text, option);
        }

        var unit = text[^1];
        if (char.IsLetter(unit))
        {
            if (double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return unit switch
                {
                    's' => TimeSpan.FromSeconds(value),
                    'm' => TimeSpan.FromMinutes(value),
                    'h' => TimeSpan.FromHours(value),
                    'd' => TimeSpan.FromDays(value),
                    _ => throw Invalid(text, option),
                };
            }

            throw Invalid(text, option);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : throw Invalid(text, option);
    }

    public static string Format(TimeSpan span)
    {
        var negative = span < TimeSpan.Zero;
        var value = negative ? span.Negate() : span;
        var text = value.TotalDays >= 1 ? $"{(int)value.TotalDays}d{value.Hours}h"
            : value.TotalHours >= 1 ? $"{(int)value.TotalHours}h{value.Minutes}m"
            : value.TotalMinutes >= 1 ? $"{(int)value.TotalMinutes}m{value.Seconds}s"
            : $"{(int)value.TotalSeconds}s";
        return negative ? "-" + text : text;
    }

    private static CliException Invalid(string text, string option) =>
        new(ExitCodes.Usage, "invalid_duration", $"{option}: '{text}' is not a duration; write it as 90s, 20m, 1h or 2d.");
}
