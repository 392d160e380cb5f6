using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Scopes;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// Splits grants into low-risk (issued at once) and consequential (waiting for approvers) according to
/// <see cref="IssuancePolicyOptions"/>. Anything that could reach a consequential action or resource counts:
/// families and resource prefixes are judged by what they could cover, a missing bound by what it leaves open.
/// </summary>
internal sealed class RiskClassifier(IOptions<IssuancePolicyOptions> options)
{
    private readonly IssuancePolicyOptions _options = options.Value;

    /// <summary>Why the grant is consequential (empty when low-risk), and how many approvers it needs.</summary>
    public RiskAssessment Assess(IReadOnlyList<AuthorizationDetail> details, long lifetimeSeconds)
    {
        ArgumentNullException.ThrowIfNull(details);
        var reasons = new List<string>();
        var approvers = _options.RequiredApprovers;
        foreach (var detail in details)
        {
            var amount = detail.Constraints?.MaxAmount;
            foreach (var action in detail.Actions)
            {
                // Rules 1 and 2: listed, or a family that could cover a listed action.
                if (_options.ConsequentialActions.FirstOrDefault(c => Overlaps(c, action)) is { } listed)
                {
                    reasons.Add(string.Equals(listed, action, StringComparison.Ordinal) || ScopeMatcher.ActionCovers(listed, action)
                        ? $"action '{action}' is consequential ({listed})"
                        : $"action pattern '{action}' covers the consequential action '{listed}'");
                }

                // Rule 3: an amount action without max_amount is unbounded at the verifier.
                if (_options.AmountThreshold is not null && amount is null &&
                    _options.EffectiveAmountActions.FirstOrDefault(a => Overlaps(a, action)) is { } valued)
                {
                    reasons.Add($"action '{action}' moves value ({valued}) and has no max_amount, so it is unbounded");
                }

                foreach (var rule in _options.ApprovalRules)
                {
                    if (Overlaps(rule.Action, action) && (rule.AboveAmount is not { } floor || amount is not { } bound || bound > floor))
                    {
                        approvers = Math.Max(approvers, rule.Approvers);
                    }
                }
            }

            // Rule 4: a bound above the threshold.
            if (_options.AmountThreshold is { } threshold && amount is { } max && max > threshold)
            {
                reasons.Add($"max_amount {max} exceeds the approval threshold {threshold}");
            }

            // Rule 5: a listed resource, a family that could cover one, or no resource restriction at all.
            if (_options.ConsequentialResources.Count > 0)
            {
                if (detail.Resources is not { Count: > 0 } resources)
                {
                    reasons.Add("the grant names no resources, so it covers the consequential resources");
                }
                else if (resources.SelectMany(r => _options.ConsequentialResources.Where(c => ResourceOverlaps(c, r)).Select(c => (r, c))).FirstOrDefault() is { r: not null } hit)
                {
                    reasons.Add($"resource '{hit.r}' covers the consequential resource '{hit.c}'");
                }
            }
        }

        // Rule 6: a long-lived credential.
        if (_options.LifetimeThreshold is { } longest && lifetimeSeconds > longest.TotalSeconds)
        {
            reasons.Add($"lifetime {lifetimeSeconds} s exceeds the approval threshold of {(long)longest.TotalSeconds} s");
        }

        return new RiskAssessment(reasons.Distinct(StringComparer.Ordinal).ToList(), reasons.Count == 0 ? 0 : approvers);
    }

    private static bool Overlaps(string listed, string requested) =>
        ScopeMatcher.ActionCovers(listed, requested) || ScopeMatcher.ActionCovers(requested, listed);

    private static bool ResourceOverlaps(string listed, string requested) =>
        ScopeMatcher.ResourceCovers(listed, requested) || ScopeMatcher.ResourceCovers(requested, listed);
}
