using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>Refuses a shipper without a safe endpoint or with unusable limits.</summary>
internal sealed class DecisionShipperOptionsValidator : IValidateOptions<DecisionShipperOptions>
{
    public ValidateOptionsResult Validate(string? name, DecisionShipperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint ||
            !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            failures.Add("DecisionShipping:Endpoint must be the issuer's absolute https URL for decision records (plain http only on loopback).");
        }

        if (string.IsNullOrWhiteSpace(options.InstanceName))
        {
            failures.Add("DecisionShipping:InstanceName must name this verifier instance.");
        }

        if (options.QueueCapacity < 1 || options.MaxBatchSize < 1 || options.MaxBatchSize > 1000 || options.MaxAttempts < 1)
        {
            failures.Add("DecisionShipping: QueueCapacity and MaxAttempts must be at least 1, MaxBatchSize between 1 and 1000.");
        }

        if (options.FlushInterval <= TimeSpan.Zero || options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff)
        {
            failures.Add("DecisionShipping: FlushInterval and InitialBackoff must be positive and MaxBackoff at least InitialBackoff.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
