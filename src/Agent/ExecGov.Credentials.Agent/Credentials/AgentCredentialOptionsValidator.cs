using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>Refuses a credential request without an audience or scope, or with unusable timings.</summary>
public sealed class AgentCredentialOptionsValidator : IValidateOptions<AgentCredentialOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AgentCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "AgentCredential" : $"AgentCredential '{name}'";
        var failures = new List<string>();
        if (options.Audience.Count == 0 || options.Audience.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{prefix}: Audience must list the target services' audience ids.");
        }

        if (options.AuthorizationDetails.Count == 0 ||
            options.AuthorizationDetails.Any(d => d is null || d.Actions is not { Count: > 0 } || d.Actions.Any(string.IsNullOrWhiteSpace)))
        {
            failures.Add($"{prefix}: AuthorizationDetails must hold at least one entry, each naming at least one action.");
        }

        if (options.Lifetime is { } lifetime && (lifetime < TimeSpan.FromSeconds(10) || lifetime > TimeSpan.FromDays(1)))
        {
            failures.Add($"{prefix}: Lifetime must lie between 10 seconds and 1 day (the issuer caps it further), or be unset.");
        }

        if (options.SessionId is { } session && string.IsNullOrWhiteSpace(session))
        {
            failures.Add($"{prefix}: SessionId must not be blank; leave it unset to let the issuer choose.");
        }

        if (options.RenewBefore < TimeSpan.Zero || options.RenewBefore > TimeSpan.FromHours(1))
        {
            failures.Add($"{prefix}: RenewBefore must lie between 0 and 1 hour.");
        }

        if (options.ApprovalPollInterval < TimeSpan.FromMilliseconds(100) || options.ApprovalPollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{prefix}: ApprovalPollInterval must lie between 100 ms and 1 minute.");
        }

        if (options.ApprovalTimeout <= TimeSpan.Zero || options.ApprovalTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}: ApprovalTimeout must be positive and at most 1 day.");
        }

        if (options.RetryAfterFailure < TimeSpan.FromMilliseconds(100) || options.RetryAfterFailure > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{prefix}: RetryAfterFailure must lie between 100 ms and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
