using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>Refuses a <see cref="ActionEnforcementOptions.PublicOrigin"/> that is not a bare http(s) origin.</summary>
internal sealed class ActionEnforcementOptionsValidator : IValidateOptions<ActionEnforcementOptions>
{
    public ValidateOptionsResult Validate(string? name, ActionEnforcementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PublicOrigin is { } origin &&
            (!origin.IsAbsoluteUri || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp) ||
             origin.AbsolutePath != "/" || !string.IsNullOrEmpty(origin.Query) || !string.IsNullOrEmpty(origin.Fragment)))
        {
            return ValidateOptionsResult.Fail("PublicOrigin must be an absolute http(s) origin without path, query or fragment, e.g. https://payments.example.");
        }

        if (options.Audience is { Length: 0 })
        {
            return ValidateOptionsResult.Fail("Audience is empty: set it to this service's audience id, or leave it unset to use the verifier's.");
        }

        return ValidateOptionsResult.Success;
    }
}
