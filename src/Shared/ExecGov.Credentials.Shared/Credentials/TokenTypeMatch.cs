namespace ExecGov.Credentials.Credentials;

/// <summary>Compares a header's <c>typ</c> with an expected token type.</summary>
public static class TokenTypeMatch
{
    private const string ApplicationPrefix = "application/";

    /// <summary>
    /// True when <paramref name="typ"/> names <paramref name="expected"/>: media types compare without
    /// regard to case, and the <c>application/</c> prefix may be present or omitted (RFC 7515 §4.1.9).
    /// </summary>
    public static bool Matches(string? typ, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (typ is null)
        {
            return false;
        }

        var value = typ.AsSpan();
        if (value.StartsWith(ApplicationPrefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[ApplicationPrefix.Length..];
        }

        return value.Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
