using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// Checks, at start-up, where each trusted issuer publishes its status: the URIs must be https (or http on
/// loopback) without query or fragment, and when credentials must carry status every issuer needs a status list
/// base (or a metadata document to learn it from). Registered with the status-list source, so a verifier that
/// uses it can never start without a way to learn revocations.
/// </summary>
internal sealed class StatusEndpointsValidator : IValidateOptions<CredentialVerifierOptions>
{
    public ValidateOptionsResult Validate(string? name, CredentialVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var issuer in options.Issuers)
        {
            if (issuer.StatusListBase is { } statusBase && !IsPlain(statusBase))
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}': StatusListBase must be an absolute https URI without query or fragment (plain http only on loopback), e.g. https://issuer.example/status-lists.");
            }

            if (issuer.StatusEventsUri is { } events && !IsPlain(events))
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}': StatusEventsUri must be an absolute https URI without query or fragment (plain http only on loopback), e.g. https://issuer.example/status-lists/events.");
            }

            if (issuer.StatusEventsUri is not null && issuer.StatusListBase is null && issuer.MetadataUri is null)
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}': StatusEventsUri is set but StatusListBase is not; set StatusListBase (or MetadataUri) so the verifier knows which list URIs it may fetch.");
            }

            if (options.RequireStatus && issuer.StatusListBase is null && issuer.MetadataUri is null)
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}' has no status list base, so none of its credentials could ever be checked for revocation: set StatusListBase (and StatusEventsUri) or MetadataUri, or set RequireStatus to false if the issuer publishes no status lists.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPlain(Uri uri) =>
        CredentialVerifierOptionsValidator.IsHttpsOrLoopback(uri) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}
