using ExecGov.Credentials.Verifier.Endpoint.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Endpoint;

/// <summary>Refuses out-of-range endpoint options, and the in-memory status source outside Development.</summary>
internal sealed class VerifierEndpointOptionsValidator(IHostEnvironment environment) : IValidateOptions<VerifierEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, VerifierEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBytes is < 1024 or > 256 * 1024)
        {
            failures.Add("Endpoint:MaxRequestBytes must be between 1024 and 262144.");
        }

        foreach (var audience in options.AllowedAudiences)
        {
            if (string.IsNullOrEmpty(audience) || audience.Length > 128 || audience.Any(char.IsControl))
            {
                failures.Add("Endpoint:AllowedAudiences entries must be 1 to 128 characters without control characters.");
                break;
            }
        }

        if (!Enum.IsDefined(options.StatusSource))
        {
            failures.Add("Endpoint:StatusSource must be StatusList or InMemory.");
        }
        else if (options.StatusSource == StatusSourceMode.InMemory && !environment.IsDevelopment())
        {
            failures.Add("Endpoint:StatusSource InMemory is for tests only and is refused outside the Development environment: nothing would ever tell this verifier about a revocation. Use StatusList.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
