using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Scopes;

namespace ExecGov.Credentials.Verifier.Policy;

/// <summary>
/// Decides whether a credential's authorization details allow one action. An action is granted by a detail
/// whose <c>actions</c>, <c>locations</c> and <c>resources</c> all match; it is then allowed only if that
/// detail's constraints hold. Anything a constraint limits but the request does not state denies. What a pattern
/// matches is <see cref="ScopeMatcher"/>'s rule, the same the issuer checks grants against a ceiling with.
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
                !ScopeMatcher.AnyActionMatches(detail.Actions, request.Action) ||
                !(detail.Locations is not { Count: > 0 } locations || ScopeMatcher.ContainsExact(locations, audience)) ||
                !(detail.Resources is not { Count: > 0 } resources || (request.Resource is { } resource && ScopeMatcher.AnyResourceMatches(resources, resource))))
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
            (context is null || !context.TryGetValue(DestinationKey, out var destination) || !ScopeMatcher.ContainsExact(destinations, destination)))
        {
            return false;
        }

        return constraints.TimeWindow is not { } window || window.Contains(now);
    }
}
