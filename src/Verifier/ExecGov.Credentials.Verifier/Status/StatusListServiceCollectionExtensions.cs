using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Registers the status-list revocation source.</summary>
public static class StatusListServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> for status lists and event streams: no overall timeout (streams are long-lived; each fetch has its own), no redirects.</summary>
    public const string HttpClientName = "ExecGov.Credentials.Verifier.Status";

    /// <summary>
    /// Uses <see cref="StatusListStatusSource"/> as the <see cref="ICredentialStatusSource"/> (replacing any other) and
    /// runs its background work (event streams and polling) as a hosted service. Call after
    /// <see cref="VerifierServiceCollectionExtensions.AddCredentialVerifier"/>. Options are validated at start-up,
    /// including that every trusted issuer has a status list base or metadata URI when status is required.
    /// </summary>
    public static IServiceCollection AddStatusListStatusSource(this IServiceCollection services, Action<StatusListOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StatusListOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(StatusListStatusSource)))
        {
            return services; // Registered already; the options above still apply.
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusListOptions>, StatusListOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialVerifierOptions>, StatusEndpointsValidator>());
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new StatusListStatusSource(
            sp.GetRequiredService<IOptions<CredentialVerifierOptions>>(),
            sp.GetRequiredService<IOptions<StatusListOptions>>(),
            sp.GetRequiredService<IIssuerKeySource>(),
            sp.GetRequiredService<IssuerMetadataClient>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<StatusListStatusSource>>()));
        services.RemoveAll<ICredentialStatusSource>();
        services.AddSingleton<ICredentialStatusSource>(sp => sp.GetRequiredService<StatusListStatusSource>());
        services.AddSingleton<IHostedService>(sp => new StatusListBackgroundService(
            sp.GetRequiredService<StatusListStatusSource>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<StatusListBackgroundService>>()));
        return services;
    }
}
