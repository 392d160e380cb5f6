using ExecGov.Credentials.Credentials;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// Splits grants into low-risk (issued at once) and consequential (waiting for an approver) according to
/// <see cref="IssuancePolicyOptions"/>.
/// </summary>
internal sealed class RiskClassifier(IOptions<IssuancePolicyOptions> options)
{
    private readonly IssuancePolicyOptions _options = options.Value;

    /// <summary>Why the grant is consequential; empty when it is low-risk.</summary>
    public IReadOnlyList<string> ConsequentialReasons(IReadOnlyList<AuthorizationDetail> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var reasons = new List<string>();
        foreach (var detail in details)
        {
            foreach (var action in detail.Actions)
            {
                // Consequential when the requested action is listed, or when it is a family that could
                // cover a listed action ("payments.*" requested while "payments.release" is listed).
                var listed = _options.ConsequentialActions.FirstOrDefault(c =>
                    ScopeCeiling.ActionCovers(c, action) || ScopeCeiling.ActionCovers(action, c));
                if (listed is not null)
                {
                    reasons.Add($"action '{action}' is consequential ({listed})");
                }
            }

            if (_options.AmountThreshold is { } threshold && detail.Constraints?.MaxAmount is { } amount && amount > threshold)
            {
                reasons.Add($"max_amount {amount} exceeds the approval threshold {threshold}");
            }
        }

        return reasons.Distinct(StringComparer.Ordinal).ToList();
    }
}
