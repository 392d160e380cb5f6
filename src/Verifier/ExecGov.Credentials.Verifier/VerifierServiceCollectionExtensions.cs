using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Metadata;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier;

/// <summary>Registers the credential verifier with dependency injection.</summary>
public static class VerifierServiceCollectionExtensions
{
    /// <summary>
    /// The named <see cref="HttpClient"/> used to fetch issuer metadata and JWKS: 10 s timeout, no redirects (a 3xx is
    /// a failed fetch, so keys never come from another origin than the one configured or named by the issuer).
    /// </summary>
    public const string HttpClientName = "ExecGov.Credentials.Verifier";

    /// <summary>
    /// Adds <see cref="CredentialVerifier"/> with JWKS-based issuer keys and an in-process replay cache.
    /// Options are validated at start-up. Register an <see cref="ICredentialStatusSource"/> as well
    /// (<see cref="StatusListServiceCollectionExtensions.AddStatusListStatusSource"/>, or
    /// <see cref="InMemoryStatusSource"/> in tests); none is chosen for you, because guessing here would either
    /// fail open or deny everything.
    /// </summary>
    public static IServiceCollection AddCredentialVerifier(this IServiceCollection services, Action<CredentialVerifierOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CredentialVerifierOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialVerifierOptions>, CredentialVerifierOptionsValidator>());
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(10);
                client.MaxResponseContentBufferSize = 1024 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProofReplayCache, MemoryProofReplayCache>();
        services.TryAddSingleton(sp => new IssuerMetadataClient(
            sp.GetRequiredService<IOptions<CredentialVerifierOptions>>().Value.Issuers,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<IssuerMetadataClient>>()));
        services.TryAddSingleton<IIssuerKeySource>(sp => new JwksIssuerKeySource(
            sp.GetRequiredService<IOptions<CredentialVerifierOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<JwksIssuerKeySource>>(),
            sp.GetRequiredService<IssuerMetadataClient>()));
        services.TryAddSingleton<CredentialVerifier>();
        return services;
    }
}
