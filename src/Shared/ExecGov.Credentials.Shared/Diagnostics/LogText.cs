using System.Globalization;
using System.Text;

namespace ExecGov.Credentials.Diagnostics;

/// <summary>
/// Makes text that came from a request safe to write into a log line: every control character (CR, LF, NUL,
/// the ANSI escape ESC and the rest of Unicode category Cc) becomes a visible <c>\uXXXX</c>, and a backslash
/// becomes <c>\\</c> so an escaped form cannot be forged. A caller cannot start a fake log line or drive a
/// terminal that shows the log.
/// </summary>
public static class LogText
{
    /// <summary>Returns <paramref name="value"/> with control characters and backslashes escaped; null stays null.</summary>
    /// <param name="value">Request-controlled text.</param>
    /// <returns>The same string when nothing needed escaping.</returns>
    public static string? Escape(string? value)
    {
        if (value is null || !value.AsSpan().ContainsAny(Special))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (c == '\\')
            {
                builder.Append(@"\\");
            }
            else if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(BuildSpecial());

    private static string BuildSpecial()
    {
        var chars = new StringBuilder("\\");
        for (var c = '\0'; c <= '\u009f'; c++)
        {
            if (char.IsControl(c))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
