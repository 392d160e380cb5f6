using System.Globalization;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier.Policy;

/// <summary>
/// Decides whether a credential's authorization details allow one action. An action is granted by a detail
/// whose <c>actions</c>, <c>locations</c> and <c>resources</c> all match; it is then allowed only if that
/// detail's constraints hold. Anything a constraint limits but the request does not state denies.
/// </summary>
internal static class ScopeEvaluator
{
    public const string AmountKey = "amount";
    public const string CurrencyKey = "currency";
    public const string DestinationKey = "destination";

    public static ReasonCode Evaluate(IReadOnlyList<AuthorizationDetail> details, ActionRequest request, string audience, DateTimeOffset now)
    {
        var granted = false;
        foreach (var detail in details)
        {
            if (!string.Equals(detail.Type, AuthorizationDetail.ExecGovType, StringComparison.Ordinal) ||
                !MatchesAny(detail.Actions, request.Action, MatchAction) ||
                !(detail.Locations is not { Count: > 0 } locations || MatchesAny(locations, audience, MatchExact)) ||
                !(detail.Resources is not { Count: > 0 } resources || (request.Resource is { } resource && MatchesAny(resources, resource, MatchResource))))
            {
                continue;
            }

            granted = true;
            if (detail.Constraints is null || ConstraintsHold(detail.Constraints, request.Context, now))
            {
                return ReasonCode.Allowed;
            }
        }

        return granted ? ReasonCode.ConstraintViolated : ReasonCode.ScopeDenied;
    }

    /// <summary>Exact name, or a family: <c>payments.*</c> matches <c>payments.release</c> but not <c>payments</c> itself.</summary>
    internal static bool MatchAction(string pattern, string action) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? action.Length > pattern.Length - 1 && action.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, action, StringComparison.Ordinal);

    /// <summary>Exact resource, or a prefix when the pattern ends with <c>*</c>.</summary>
    internal static bool MatchResource(string pattern, string resource) =>
        pattern.EndsWith('*')
            ? resource.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, resource, StringComparison.Ordinal);

    /// <summary>Exact, ordinal equality.</summary>
    internal static bool MatchExact(string pattern, string value) => string.Equals(pattern, value, StringComparison.Ordinal);

    /// <summary>
    /// Whether any pattern matches. An indexed loop, not LINQ's Contains with a comparer: the claims' lists are not
    /// all arrays or List (a one-value <c>aud</c> is a compiler-made list), and enumerating those allocates.
    /// </summary>
    internal static bool MatchesAny(IReadOnlyList<string> patterns, string value, Func<string, string, bool> match)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (match(patterns[i], value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ConstraintsHold(ActionConstraints constraints, IReadOnlyDictionary<string, string>? context, DateTimeOffset now)
    {
        if (constraints.MaxAmount is { } max)
        {
            if (context is null || !context.TryGetValue(AmountKey, out var text) ||
                !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ||
                amount > max)
            {
                return false;
            }
        }

        if (constraints.Currency is { } currency &&
            (context is null || !context.TryGetValue(CurrencyKey, out var requested) || !string.Equals(requested, currency, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (constraints.Destinations is { } destinations &&
            (context is null || !context.TryGetValue(DestinationKey, out var destination) || !MatchesAny(destinations, destination, MatchExact)))
        {
            return false;
        }

        return constraints.TimeWindow is not { } window || window.Contains(now);
    }
}
