using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Refuses out-of-range <see cref="StatusListOptions"/> at start-up, saying how to fix them.</summary>
internal sealed class StatusListOptionsValidator : IValidateOptions<StatusListOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, options.MaxStatusAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "MaxStatusAge must be between 1 s and 1 hour.");
        Check(failures, options.FirstFetchTimeout, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30), "FirstFetchTimeout must be more than 0 and at most 30 s.");
        Check(failures, options.FetchTimeout, options.FirstFetchTimeout, TimeSpan.FromMinutes(2), "FetchTimeout must be at least FirstFetchTimeout and at most 2 minutes.");
        Check(failures, options.MinimumRefetchInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), "MinimumRefetchInterval must be between 100 ms and 1 minute.");
        Check(failures, options.DefaultTimeToLive, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "DefaultTimeToLive must be between 1 s and 1 hour.");
        Check(failures, options.StreamIdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "StreamIdleTimeout must be between 1 s and 10 minutes.");
        Check(failures, options.StreamReconnectMinimumDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), "StreamReconnectMinimumDelay must be between 10 ms and 1 minute.");
        Check(failures, options.StreamReconnectMaximumDelay, options.StreamReconnectMinimumDelay, TimeSpan.FromMinutes(10), "StreamReconnectMaximumDelay must be at least StreamReconnectMinimumDelay and at most 10 minutes.");
        if (options.MaxListsPerIssuer is < 1 or > 100_000)
        {
            failures.Add("MaxListsPerIssuer must be between 1 and 100000.");
        }

        if (options.MaxTokenBytes is < 1024 or > 64 * 1024 * 1024 || options.MaxListBytes is < 1 or > 64 * 1024 * 1024)
        {
            failures.Add("MaxTokenBytes must be between 1 KiB and 64 MiB, and MaxListBytes between 1 byte and 64 MiB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, TimeSpan value, TimeSpan min, TimeSpan max, string message)
    {
        if (value < min || value > max)
        {
            failures.Add(message);
        }
    }
}
