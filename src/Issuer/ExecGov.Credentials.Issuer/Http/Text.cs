namespace ExecGov.Credentials.Issuer.Http;

/// <summary>Checks for free-text members (names, reasons): present, bounded, no control characters.</summary>
internal static class Text
{
    /// <summary>Null when <paramref name="value"/> is acceptable; otherwise what is wrong with it.</summary>
    public static string? Invalid(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty.";
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters.";
        }

        return value.Any(char.IsControl) ? "must not contain control characters." : null;
    }

    /// <summary>A value cut short for an error detail, so a huge input is not echoed back.</summary>
    public static string Clip(string? value) =>
        value is null ? string.Empty : value.Length <= 64 ? value : value[..64] + "…";
}
