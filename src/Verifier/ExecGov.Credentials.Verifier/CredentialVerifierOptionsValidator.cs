using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier;

/// <summary>Refuses unsafe or half-configured verifier options at start-up, saying how to fix them.</summary>
public sealed class CredentialVerifierOptionsValidator : IValidateOptions<CredentialVerifierOptions>
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CredentialVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Issuers.Count == 0)
        {
            failures.Add("No trusted issuer is configured: add at least one entry to Issuers with its Issuer and one of JwksUri, JwksPath or Jwks.");
        }

        foreach (var issuer in options.Issuers)
        {
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                failures.Add("A trusted issuer has an empty Issuer; set it to the exact iss value of its credentials.");
            }

            // The metadata document can name the JWKS, so with MetadataUri no explicit key source is needed.
            var sources = (issuer.JwksUri is null ? 0 : 1) + (string.IsNullOrEmpty(issuer.JwksPath) ? 0 : 1) + (string.IsNullOrEmpty(issuer.Jwks) ? 0 : 1);
            if (sources > 1 || (sources == 0 && issuer.MetadataUri is null))
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}' needs exactly one of JwksUri, JwksPath or Jwks, or a MetadataUri that names its jwks_uri.");
            }

            if (issuer.MetadataUri is { } metadata && !IsHttpsOrLoopback(metadata))
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}': MetadataUri must be an absolute https URI (plain http is allowed only on loopback).");
            }

            if (issuer.JwksUri is { } uri && !IsHttpsOrLoopback(uri))
            {
                failures.Add($"Trusted issuer '{issuer.Issuer}': JwksUri must be https (plain http is allowed only on loopback).");
            }
        }

        if (options.Issuers.GroupBy(i => i.Issuer, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            failures.Add("Each trusted issuer may be listed once.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxSkew)
        {
            failures.Add("ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.ProofLifetime <= TimeSpan.Zero || options.ProofLifetime > MaxSkew)
        {
            failures.Add("ProofLifetime must be more than 0 and at most 5 minutes.");
        }

        if (options.MaxCredentialLength is < 256 or > 65536 || options.MaxProofLength is < 256 or > 65536)
        {
            failures.Add("MaxCredentialLength and MaxProofLength must be between 256 and 65536.");
        }

        if (options.VerifiedCredentialCacheSize < 0 || options.MaxRememberedProofs < 1000)
        {
            failures.Add("VerifiedCredentialCacheSize must be 0 or more and MaxRememberedProofs at least 1000.");
        }

        if (options.MaxRememberedProofsPerHolder < 1 || options.MaxRememberedProofsPerHolder > options.MaxRememberedProofs)
        {
            failures.Add("MaxRememberedProofsPerHolder must be at least 1 and at most MaxRememberedProofs.");
        }

        if (options.JwksMinimumRefreshInterval < TimeSpan.FromSeconds(1) || options.JwksRefreshInterval < options.JwksMinimumRefreshInterval)
        {
            failures.Add("JwksMinimumRefreshInterval must be at least 1 s and JwksRefreshInterval at least that.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsHttpsOrLoopback(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
