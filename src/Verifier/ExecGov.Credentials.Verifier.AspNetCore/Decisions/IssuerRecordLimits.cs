using System.Text;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Fits a record's free-text members to what the issuer's <c>POST /v1/decisions</c> accepts (docs/http-api.md: at most
/// 256 characters, not blank, no control characters). The issuer refuses a whole batch for one bad record, and the
/// resource, action and audience can come from the caller (a route value, an MCP tool name): without this, one
/// request with a long or odd resource would take every other decision of its batch out of the audit trail.
/// </summary>
internal static class IssuerRecordLimits
{
    /// <summary>The longest free-text member the issuer accepts.</summary>
    public const int MaxFieldLength = 256;

    private const char Replacement = '\uFFFD';
    private const char Ellipsis = '\u2026';

    /// <summary><paramref name="record"/> itself when it fits (the common case, no allocation), else a fitted copy.</summary>
    public static DecisionRecord Fit(DecisionRecord record)
    {
        if (Fits(record.Authoriser) && Fits(record.Issuer) && Fits(record.Action) && Fits(record.Resource) && Fits(record.Audience))
        {
            return record;
        }

        return record with
        {
            Authoriser = FitText(record.Authoriser),
            Issuer = FitText(record.Issuer),
            Action = FitText(record.Action),
            Resource = FitText(record.Resource),
            Audience = FitText(record.Audience),
        };
    }

    private static bool Fits(string? value) =>
        value is null || (value.Length <= MaxFieldLength && !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl));

    /// <summary>Control characters become U+FFFD, an over-long value is cut with a trailing ellipsis, a blank one is left out.</summary>
    private static string? FitText(string? value)
    {
        if (value is null || Fits(value))
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxFieldLength));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxFieldLength)))
        {
            text.Append(char.IsControl(c) ? Replacement : c);
        }

        if (value.Length > MaxFieldLength)
        {
            text[MaxFieldLength - 1] = Ellipsis;
        }

        return text.ToString();
    }
}
