using System.Globalization;

namespace ExecGov.Credentials.Cli;

/// <summary>
/// Parses durations written as <c>90s</c>, <c>20m</c>, <c>1h</c>, <c>2d</c> or <c>hh:mm:ss</c>. A bare number is
/// refused: the runtime's own parser reads <c>10</c> as ten days, which is never what a person writing
/// <c>--lifetime 10</c> meant.
/// </summary>
internal static class Durations
{
    // Ten years: far above anything the issuer accepts, far below where TimeSpan arithmetic overflows.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    private static readonly string[] ClockFormats = [@"h\:mm\:ss", @"hh\:mm\:ss"];

    public static TimeSpan Parse(string text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(text, option);
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(text, ClockFormats, CultureInfo.InvariantCulture, out var clock) && clock > TimeSpan.Zero
                ? clock
                : throw Invalid(text, option);
        }

        var number = text.AsSpan();
        var unit = text[^1];
        if (IsNumber(number))
        {
            throw new CliException(ExitCodes.Usage, "invalid_duration",
                $"{option}: '{text}' has no unit; write {text}s, {text}m, {text}h or {text}d (seconds, minutes, hours, days).");
        }

        if (!IsNumber(number[..^1]))
        {
            throw Invalid(text, option);
        }

        var value = double.Parse(number[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var seconds = unit switch
        {
            's' => value,
            'm' => value * 60,
            'h' => value * 3600,
            'd' => value * 86400,
            _ => throw Invalid(text, option),
        };
        if (seconds <= 0)
        {
            throw Invalid(text, option);
        }

        if (seconds > Longest.TotalSeconds)
        {
            throw new CliException(ExitCodes.Usage, "invalid_duration", $"{option}: '{text}' is longer than {Longest.TotalDays:0} days.");
        }

        return TimeSpan.FromSeconds(seconds);
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

    /// <summary>ASCII digits with at most one decimal point and at least one digit (no sign, exponent or white space).</summary>
    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        var digits = 0;
        var points = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c != '.' || ++points > 1)
            {
                return false;
            }
        }

        return digits > 0 && digits <= 12;
    }

    private static CliException Invalid(string text, string option) =>
        new(ExitCodes.Usage, "invalid_duration", $"{option}: '{text}' is not a duration; write it as 90s, 20m, 1h, 2d or hh:mm:ss.");
}
