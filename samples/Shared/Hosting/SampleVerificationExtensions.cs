using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using ExecGov.Credentials.Verifier.Status;
using ExecGov.Samples.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Samples.Hosting;

/// <summary>Composes what both protected samples need from standard configuration (samples/README.md lists the keys).</summary>
public static class SampleVerificationExtensions
{
    /// <summary>
    /// Adds the credential verifier (section <c>Verifier</c>), revocation status from the issuer's status lists
    /// (section <c>StatusLists</c>), enforcement options (section <c>Enforcement</c>), decision shipping to the issuer
    /// when <c>DecisionShipping:ClientId</c> (or the file <c>DecisionShipping:SecretFile</c>) names a <c>verifier</c>-role
    /// client, problem+json errors, and the ledger.
    /// Every option is validated at start-up, so a half-configured sample does not start.
    /// </summary>
    public static WebApplicationBuilder AddSampleVerification(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddCredentialVerifier(options => configuration.GetSection("Verifier").Bind(options));
        builder.Services.AddStatusListStatusSource(options => configuration.GetSection("StatusLists").Bind(options));
        builder.Services.AddOptions<ActionEnforcementOptions>().Bind(configuration.GetSection("Enforcement"));

        // Shipping is off unless a client is named: the secret comes from the environment or a secret store
        // (DecisionShipping__ClientSecret), or from the 0600 file execgov wrote in the git-ignored data folder
        // (DecisionShipping:SecretFile), never from a file in the repository.
        var shipping = configuration.GetSection("DecisionShipping");
        DecisionShippingSecretFile.Apply(shipping);
        if (!string.IsNullOrEmpty(shipping["ClientId"]))
        {
            builder.Services.AddDecisionShipping(options => shipping.Bind(options));
        }

        builder.Services.AddSampleProblemDetails();
        builder.Services.AddSingleton<ExecutionLedger>();
        return builder;
    }
}
