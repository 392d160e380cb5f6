using System.Globalization;

namespace ExecGov.Credentials.Verifier.Policy;

/// <summary>
/// The one grammar for amounts a request states (docs/verifier.md, "Amounts"), and their exact comparison with a
/// credential's <c>max_amount</c>. An amount is 1 to <see cref="MaxIntegerDigits"/> ASCII digits, optionally
/// followed by <c>.</c> and 1 to <see cref="MaxFractionDigits"/> ASCII digits; nothing else: no sign, white space,
/// NUL, exponent, hex digits, grouping or other separators. Compared digit by digit, never after conversion, so no
/// value is rounded into range (<c>decimal</c> parsing rounds past 28 digits and accepts trailing NULs).
/// </summary>
internal static class Amounts
{
    /// <summary>Most digits before the <c>.</c>.</summary>
    public const int MaxIntegerDigits = 20;

    /// <summary>Most digits after the <c>.</c>.</summary>
    public const int MaxFractionDigits = 18;

    /// <summary>Whether <paramref name="text"/> follows the grammar.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        return integer.Length is > 0 and <= MaxIntegerDigits && IsDigits(integer) &&
               (dot < 0 || (fraction.Length is > 0 and <= MaxFractionDigits && IsDigits(fraction)));
    }

    /// <summary>
    /// Whether <paramref name="amount"/> follows the grammar and is at most <paramref name="max"/>, compared exactly.
    /// False for anything outside the grammar.
    /// </summary>
    public static bool IsWithin(ReadOnlySpan<char> amount, decimal max)
    {
        if (!IsWellFormed(amount))
        {
            return false;
        }

        if (max < 0)
        {
            return false; // Amounts are never negative.
        }

        // decimal's invariant text is exact (no exponent, every stored digit), so comparing it is comparing the value.
        return Compare(amount, max.ToString(CultureInfo.InvariantCulture)) <= 0;
    }

    /// <summary>Orders two non-negative decimal digit strings (digits, at most one <c>.</c>) by value.</summary>
    internal static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        Split(left, out var leftInteger, out var leftFraction);
        Split(right, out var rightInteger, out var rightFraction);
        if (leftInteger.Length != rightInteger.Length)
        {
            return leftInteger.Length < rightInteger.Length ? -1 : 1;
        }

        var byInteger = leftInteger.SequenceCompareTo(rightInteger);
        if (byInteger != 0)
        {
            return Math.Sign(byInteger);
        }

        for (var i = 0; i < Math.Max(leftFraction.Length, rightFraction.Length); i++)
        {
            var l = i < leftFraction.Length ? leftFraction[i] : '0';
            var r = i < rightFraction.Length ? rightFraction[i] : '0';
            if (l != r)
            {
                return l < r ? -1 : 1;
            }
        }

        return 0;
    }

    private static void Split(ReadOnlySpan<char> text, out ReadOnlySpan<char> integer, out ReadOnlySpan<char> fraction)
    {
        var dot = text.IndexOf('.');
        integer = (dot < 0 ? text : text[..dot]).TrimStart('0');
        fraction = dot < 0 ? [] : text[(dot + 1)..];
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
