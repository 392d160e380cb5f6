using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Hosting;
using ExecGov.Credentials.Revocation.Keys;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation;

/// <summary>Registers the revocation registry, its options and its defaults.</summary>
public static class RevocationServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddRevocation(IServiceCollection, IConfiguration)"/> binds.</summary>
    public const string ConfigurationSection = "Revocation";

    /// <summary>
    /// Adds revocation with options bound from the <c>Revocation</c> section of <paramref name="configuration"/>.
    /// See <see cref="AddRevocation(IServiceCollection, Action{RevocationOptions})"/>.
    /// </summary>
    public static IServiceCollection AddRevocation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RevocationOptions>().Bind(configuration.GetSection(ConfigurationSection));
        return services.AddRevocationCore();
    }

    /// <summary>
    /// Adds revocation: the registry (status-index allocation and acts, on the deployment's one store), options
    /// validated at start-up, and a hosted service that recovers the published lists and the event stream from
    /// the store before the host serves requests. The host must register an
    /// <see cref="IStatusListSigningKeyProvider"/> (its active credential key) and normally its store (the issuer
    /// does; a host of the revocation domain alone gets a LiteDB file at <see cref="RevocationOptions.DatabasePath"/>).
    /// It may register its own <see cref="ISigningKeyCompromiseHandler"/> (default: mark the key compromised in
    /// <see cref="RevocationOptions.KeySetPath"/>), before or after this call.
    /// </summary>
    public static IServiceCollection AddRevocation(this IServiceCollection services, Action<RevocationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RevocationOptions>().Configure(configure);
        return services.AddRevocationCore();
    }

    private static IServiceCollection AddRevocationCore(this IServiceCollection services)
    {
        services.AddOptions<RevocationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RevocationOptions>, RevocationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExecGovStore>(sp =>
        {
            var path = sp.GetRequiredService<IOptions<RevocationOptions>>().Value.DatabasePath;
            return string.IsNullOrWhiteSpace(path)
                ? throw new InvalidOperationException("Revocation needs the deployment's store: register one (the issuer does) or set Revocation:DatabasePath.")
                : new LiteDbStore(path, durable: true);
        });
        services.TryAddSingleton<ISigningKeyCompromiseHandler, KeySetCompromiseHandler>();
        services.TryAddSingleton<RevocationRegistry>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RevocationOptions>>().Value;
            return new SubscriberGate(options.MaxEventSubscribers, options.MaxEventSubscribersPerAddress,
                options.ReservedSubscriberPolicy is null ? 0 : options.ReservedEventSubscribers);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RevocationHostedService>());
        return services;
    }
}
