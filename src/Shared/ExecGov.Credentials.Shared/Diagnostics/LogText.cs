using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ExecGov.Credentials.Diagnostics;

/// <summary>
/// The one place request-controlled text (an audience, action, resource, kid, jti, client id, a header value) is made
/// safe to write into a log line, for every project: control characters (C0 including CR, LF, NUL and ESC; DEL; C1),
/// the Unicode line and paragraph separators and the backslash are written as <c>\uXXXX</c> (a backslash as
/// <c>\\</c>, so an escaped form cannot be forged), so a value can neither start a fake log line nor drive a terminal
/// that shows the log. Text longer than <see cref="MaxLength"/> is cut with a trailing <c>…</c>. Clean text comes back
/// as the same instance, so the common case allocates nothing.
/// </summary>
public static class LogText
{
    /// <summary>The most characters of one value written to a log.</summary>
    public const int MaxLength = 512;

    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u2028\u2029\\");

    /// <summary>Returns <paramref name="value"/> escaped for a log line; null stays null.</summary>
    /// <param name="value">Request-controlled text.</param>
    /// <returns>The same instance when nothing needed escaping or cutting.</returns>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Escape(string? value)
    {
        if (value is null || (value.Length <= MaxLength && value.AsSpan().IndexOfAny(NeedsEscape) < 0))
        {
            return value;
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 16);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxLength)))
        {
            if (c == '\\')
            {
                text.Append(@"\\");
            }
            else if (NeedsEscape.Contains(c))
            {
                text.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        if (value.Length > MaxLength)
        {
            text.Append('\u2026');
        }

        return text.ToString();
    }
}
