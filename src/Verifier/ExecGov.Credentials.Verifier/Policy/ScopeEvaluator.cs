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

    /// <summary>
    /// Exact resource, or a prefix when the pattern ends with <c>*</c>. A resource with a dot segment (<c>.</c> or
    /// <c>..</c> between <c>/</c> or <c>\</c>, plain or percent-encoded as <c>%2e</c> in any case) never matches a
    /// prefix: <c>invoices/../payroll</c> starts with <c>invoices/</c> but names something else wherever it is resolved.
    /// </summary>
    internal static bool MatchResource(string pattern, string resource) =>
        pattern.EndsWith('*')
            ? resource.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) && !HasDotSegment(resource)
            : string.Equals(pattern, resource, StringComparison.Ordinal);

    /// <summary>Whether any <c>/</c>- or <c>\</c>-separated segment is <c>.</c> or <c>..</c>, each dot plain or <c>%2e</c>/<c>%2E</c>.</summary>
    internal static bool HasDotSegment(ReadOnlySpan<char> resource)
    {
        if (resource.IndexOfAny('.', '%') < 0)
        {
            return false; // The common case: no dot can be there at all.
        }

        while (true)
        {
            var end = resource.IndexOfAny('/', '\\');
            var segment = end < 0 ? resource : resource[..end];
            var dots = 0;
            while (dots <= 2 && !segment.IsEmpty)
            {
                if (segment[0] == '.')
                {
                    segment = segment[1..];
                }
                else if (segment.Length >= 3 && segment[0] == '%' && segment[1] == '2' && (segment[2] is 'e' or 'E'))
                {
                    segment = segment[3..];
                }
                else
                {
                    break;
                }

                dots++;
            }

            if (segment.IsEmpty && dots is 1 or 2)
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            resource = resource[(end + 1)..];
        }
    }

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
            // One grammar, compared exactly (Amounts): "500\0" or 500.000…049 are not 500.
            if (context is null || !context.TryGetValue(AmountKey, out var text) || !Amounts.IsWithin(text, max))
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
