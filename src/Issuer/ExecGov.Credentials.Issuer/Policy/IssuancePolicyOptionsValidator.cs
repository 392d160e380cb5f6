using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>Refuses a policy that could not classify anything reliably.</summary>
internal sealed class IssuancePolicyOptionsValidator : IValidateOptions<IssuancePolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, IssuancePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var action in options.ConsequentialActions)
        {
            if (string.IsNullOrWhiteSpace(action) || action.Length > 128 || action.Any(char.IsWhiteSpace))
            {
                failures.Add($"Issuer:Policy:ConsequentialActions has an invalid action '{action}'; use names like payments.release or families like payments.*.");
            }
        }

        if (options.AmountThreshold is < 0)
        {
            failures.Add("Issuer:Policy:AmountThreshold must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
