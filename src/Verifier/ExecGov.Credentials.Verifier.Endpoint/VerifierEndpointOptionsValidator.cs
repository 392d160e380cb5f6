using ExecGov.Credentials.Verifier.Endpoint.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Endpoint;

/// <summary>Refuses out-of-range endpoint options.</summary>
internal sealed class VerifierEndpointOptionsValidator : IValidateOptions<VerifierEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, VerifierEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRequestBytes is < 1024 or > 256 * 1024)
        {
            return ValidateOptionsResult.Fail("Endpoint:MaxRequestBytes must be between 1024 and 262144.");
        }

        return Enum.IsDefined(options.StatusSource)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Endpoint:StatusSource must be Unavailable or InMemory.");
    }
}
