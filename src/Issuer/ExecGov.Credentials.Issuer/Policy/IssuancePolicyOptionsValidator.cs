using ExecGov.Credentials.Scopes;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>Refuses a policy that could not classify anything reliably.</summary>
internal sealed class IssuancePolicyOptionsValidator : IValidateOptions<IssuancePolicyOptions>
{
    public const int MaxApprovers = 10;

    public ValidateOptionsResult Validate(string? name, IssuancePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var action in options.ConsequentialActions.Concat(options.AmountActions ?? []))
        {
            if (!IsPattern(action))
            {
                failures.Add($"Issuer:Policy has an invalid action '{action}'; use names like payments.release or families like payments.* (a bare * matches nothing).");
            }
        }

        foreach (var resource in options.ConsequentialResources)
        {
            if (string.IsNullOrWhiteSpace(resource) || resource.Length > 256 || resource.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                failures.Add($"Issuer:Policy:ConsequentialResources has an invalid resource '{resource}'; use resources like invoice:2026-118 or families like invoice:*.");
            }
        }

        if (options.AmountThreshold is < 0)
        {
            failures.Add("Issuer:Policy:AmountThreshold must not be negative.");
        }

        if (options.LifetimeThreshold is { } lifetime && lifetime <= TimeSpan.Zero)
        {
            failures.Add("Issuer:Policy:LifetimeThreshold must be positive.");
        }

        if (options.RequiredApprovers is < 1 or > MaxApprovers)
        {
            failures.Add($"Issuer:Policy:RequiredApprovers must be between 1 and {MaxApprovers}.");
        }

        foreach (var rule in options.ApprovalRules)
        {
            if (!IsPattern(rule.Action) || rule.Approvers is < 1 or > MaxApprovers || rule.AboveAmount is < 0)
            {
                failures.Add($"Issuer:Policy:ApprovalRules entry '{rule.Action}' must name an action or family, 1-{MaxApprovers} Approvers and a non-negative AboveAmount.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The grammar of the grants themselves: a pattern a grant can never hold (a bare "*" included) would match
    // nothing, so the policy would silently treat the grants it means as low-risk.
    private static bool IsPattern(string? action) => ScopeMatcher.IsActionPattern(action);
}
