using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>
/// Refuses a <see cref="ActionEnforcementOptions.PublicOrigin"/> that is not a bare http(s) origin, a missing one outside
/// the Development environment (the expected origin would come from the caller's <c>Host</c> header), an empty audience,
/// bearer audiences other than this service's own, and unusable body limits.
/// </summary>
internal sealed class ActionEnforcementOptionsValidator(IOptions<CredentialVerifierOptions> verifierOptions, IHostEnvironment? environment = null) : IValidateOptions<ActionEnforcementOptions>
{
    public ValidateOptionsResult Validate(string? name, ActionEnforcementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PublicOrigin is { } origin &&
            (!origin.IsAbsoluteUri || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp) ||
             origin.AbsolutePath != "/" || !string.IsNullOrEmpty(origin.Query) || !string.IsNullOrEmpty(origin.Fragment)))
        {
            failures.Add("ExecGov enforcement: PublicOrigin must be an absolute http(s) origin without path, query or fragment, e.g. https://payments.example.");
        }

        // Without a host environment nothing says this is Development: the safe reading.
        if (options.PublicOrigin is null && environment?.IsDevelopment() != true)
        {
            failures.Add($"ExecGov enforcement: PublicOrigin is required outside the Development environment (this is '{environment?.EnvironmentName ?? "unknown"}'). " +
                         "Without it the origin a proof must name (htu) would come from the request's Host header, which the caller chooses. " +
                         "Set ActionEnforcementOptions.PublicOrigin (configuration Enforcement:PublicOrigin in the samples) to this service's public origin, e.g. https://payments.example.");
        }

        if (options.Audience is { Length: 0 })
        {
            failures.Add("ExecGov enforcement: Audience is empty; set it to this service's audience id, or leave it unset to use the verifier's.");
        }

        var audience = options.Audience ?? verifierOptions.Value.Audience;
        foreach (var bearer in options.BearerAudiences)
        {
            if (string.IsNullOrWhiteSpace(bearer) || !string.Equals(bearer, audience, StringComparison.Ordinal))
            {
                failures.Add($"ExecGov enforcement: BearerAudiences lists '{bearer}', which is not this service's audience '{audience}'. " +
                             "Bearer credentials without proof are accepted only for a service's own audience, named explicitly; remove the entry.");
            }
        }

        if (options.MaxBodyBytes < 1024 || options.MaxBodyBytes > 16 * 1024 * 1024)
        {
            failures.Add("ExecGov enforcement: MaxBodyBytes must lie between 1 KiB and 16 MiB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
