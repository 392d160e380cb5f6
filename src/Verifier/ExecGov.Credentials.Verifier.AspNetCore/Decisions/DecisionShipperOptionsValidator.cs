using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>Refuses a shipper without a safe issuer URL, client credentials, or usable limits.</summary>
internal sealed class DecisionShipperOptionsValidator : IValidateOptions<DecisionShipperOptions>
{
    public ValidateOptionsResult Validate(string? name, DecisionShipperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsSafe(options.IssuerUrl))
        {
            failures.Add("DecisionShipping:IssuerUrl must be the issuer's absolute https URL (plain http only on loopback).");
        }

        if (options.TokenEndpoint is not null && !IsSafe(options.TokenEndpoint))
        {
            failures.Add("DecisionShipping:TokenEndpoint must be an absolute https URL (plain http only on loopback), or unset.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            failures.Add("DecisionShipping:ClientId and ClientSecret must name an issuer admin client with role 'verifier'.");
        }

        if (string.IsNullOrWhiteSpace(options.InstanceName))
        {
            failures.Add("DecisionShipping:InstanceName must name this verifier instance.");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000 || options.MaxBatchSize is < 1 or > 500 || options.MaxAttempts is < 1 or > 100)
        {
            failures.Add("DecisionShipping: QueueCapacity must lie between 1 and 1,000,000, MaxBatchSize between 1 and 500 (the issuer refuses larger batches), MaxAttempts between 1 and 100.");
        }

        if (options.FlushInterval <= TimeSpan.Zero || options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff ||
            options.ShutdownFlushTimeout < TimeSpan.Zero)
        {
            failures.Add("DecisionShipping: FlushInterval and InitialBackoff must be positive, MaxBackoff at least InitialBackoff, ShutdownFlushTimeout not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Records and the admin token travel here: plain http only where it never leaves the machine.
    private static bool IsSafe(Uri? uri) =>
        uri is { IsAbsoluteUri: true } &&
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
