using System.Text.RegularExpressions;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Scopes;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// The shape every list of authorization details must have before any policy looks at it: bounded counts
/// and lengths, the <c>execgov_action</c> type, well-formed action names and sane constraints. A ceiling and
/// a request are checked alike.
/// </summary>
internal static partial class ScopeShape
{
    public const int MaxDetails = 16;
    public const int MaxItems = 32;
    public const int MaxItemLength = 256;

    /// <summary>Null when <paramref name="details"/> is well-formed; otherwise what is wrong, naming <paramref name="member"/>.</summary>
    public static string? Check(IReadOnlyList<AuthorizationDetail>? details, string member)
    {
        if (details is null || details.Count is 0 or > MaxDetails)
        {
            return $"{member} must hold 1-{MaxDetails} authorization details.";
        }

        for (var i = 0; i < details.Count; i++)
        {
            var detail = details[i];
            var at = $"{member}[{i}]";
            if (!string.Equals(detail.Type, AuthorizationDetail.ExecGovType, StringComparison.Ordinal))
            {
                return $"{at}.type must be \"{AuthorizationDetail.ExecGovType}\".";
            }

            if (detail.Actions is not { Count: > 0 and <= MaxItems } || detail.Actions.Any(a => !ScopeMatcher.IsActionPattern(a)))
            {
                return $"{at}.actions must list 1-{MaxItems} action names like \"payments.release\" or families like \"payments.*\" (a bare \"*\" is not an action: name what the agent may do).";
            }

            if (!ListOk(detail.Locations) || detail.Locations?.Any(l => !Hosting.Identifiers.IsValid(l)) == true)
            {
                return $"{at}.locations must list at most {MaxItems} audience ids.";
            }

            if (!ListOk(detail.Resources))
            {
                return $"{at}.resources must list at most {MaxItems} non-empty resources of at most {MaxItemLength} characters.";
            }

            if (detail.Constraints is { } constraints)
            {
                if (constraints.MaxAmount is < 0)
                {
                    return $"{at}.constraints.max_amount must not be negative.";
                }

                if (constraints.Currency is { } currency && !CurrencyPattern().IsMatch(currency))
                {
                    return $"{at}.constraints.currency must be a three-letter ISO 4217 code.";
                }

                if (constraints.Destinations is { } destinations && (destinations.Count == 0 || !ListOk(destinations)))
                {
                    return $"{at}.constraints.destinations must list 1-{MaxItems} non-empty destinations.";
                }

                if (constraints.TimeWindow is { } window && window.Start == window.End)
                {
                    return $"{at}.constraints.time_window must not start when it ends (such a window allows no time at all).";
                }
            }
        }

        return null;
    }

    private static bool ListOk(IReadOnlyList<string>? values) =>
        values is null || (values.Count <= MaxItems && values.All(v => v is { Length: > 0 and <= MaxItemLength } && !v.Any(char.IsControl)));

    [GeneratedRegex(@"^[A-Z]{3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
