using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Cli.Verification;

/// <summary>
/// The verifier library, set up in-process to trust exactly one issuer (the one <c>--issuer</c> names, by its
/// metadata document): keys from its JWKS, revocation status from its status lists (fetched on demand; no event
/// stream for a one-shot command). Nothing here re-implements a check: every decision is the library's.
/// </summary>
internal sealed class LocalVerifier : IDisposable
{
    private readonly ServiceProvider _services;

    private LocalVerifier(ServiceProvider services, string issuerId)
    {
        _services = services;
        IssuerId = issuerId;
        Verifier = services.GetRequiredService<CredentialVerifier>();
        Status = services.GetRequiredService<StatusListStatusSource>();
    }

    /// <summary>The trusted issuer's identifier, from its metadata document.</summary>
    public string IssuerId { get; }

    public CredentialVerifier Verifier { get; }

    public StatusListStatusSource Status { get; }

    public static async Task<LocalVerifier> CreateAsync(CliContext context, string audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issuer = context.Issuer();
        var metadata = await issuer.GetJsonAsync(".well-known/execgov-issuer", cancellationToken).ConfigureAwait(false);
        var issuerId = JsonRead.Str(metadata, "issuer")
            ?? throw ServiceError.NotAnExecGovService("issuer", issuer.BaseUri, "/.well-known/execgov-issuer", 200, ServiceError.StartIssuerHint);
        var services = new ServiceCollection();
        services.AddCredentialVerifier(options =>
        {
            options.Audience = audience;
            options.Issuers.Add(new TrustedIssuerOptions { Issuer = issuerId, MetadataUri = new Uri(issuer.BaseUri, ".well-known/execgov-issuer") });
        });
        services.AddStatusListStatusSource(options =>
        {
            // A one-shot command: fetch the list it needs, allow a slow machine time for it, and hold no stream open.
            options.UseEventStream = false;
            options.FirstFetchTimeout = TimeSpan.FromSeconds(10);
        });
        var provider = services.BuildServiceProvider();
        try
        {
            return new LocalVerifier(provider, issuerId);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            provider.Dispose();
            throw new CliException(ExitCodes.InvalidInput, "invalid_verifier_options", string.Join(" ", ex.Failures));
        }
    }

    public void Dispose() => _services.Dispose();
}
