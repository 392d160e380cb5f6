using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.Endpoint;
using ExecGov.Credentials.Verifier.Endpoint.Keys;
using ExecGov.Credentials.Verifier.Endpoint.Status;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Composes the verifier endpoint's services from standard ASP.NET Core configuration (docs/verifier.md).</summary>
public static class VerifierEndpointServiceCollectionExtensions
{
    /// <summary>The section bound to <see cref="CredentialVerifierOptions"/> (trusted issuers, audience, limits).</summary>
    public const string VerifierSection = "Verifier";

    /// <summary>The section bound to <see cref="StatusListOptions"/>.</summary>
    public const string StatusListsSection = "StatusLists";

    /// <summary>The optional section bound to the AspNetCore decision shipper's options; shipping is on only when present.</summary>
    public const string DecisionShippingSection = "DecisionShipping";

    /// <summary>
    /// Adds the verifier, its revocation status source (<c>Endpoint:StatusSource</c>: <c>StatusList</c>, the default,
    /// or <c>InMemory</c> in Development only), decision records, key warm-up, and problem details. Every option is
    /// validated at start-up; an unknown status source mode fails start-up here.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>Endpoint:StatusSource</c> names no known mode.</exception>
    public static IServiceCollection AddVerifierEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration.GetSection(VerifierEndpointOptions.SectionName);
        services.AddOptions<VerifierEndpointOptions>().Bind(endpoint).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VerifierEndpointOptions>, VerifierEndpointOptionsValidator>());
        services.AddCredentialVerifier(options => configuration.GetSection(VerifierSection).Bind(options));

        // Read here, not from bound options: which services exist depends on it. Never a silent "no status".
        switch (ReadMode(endpoint[nameof(VerifierEndpointOptions.StatusSource)]))
        {
            case StatusSourceMode.StatusList:
                services.AddStatusListStatusSource(options => configuration.GetSection(StatusListsSection).Bind(options));
                break;
            case StatusSourceMode.InMemory:
                services.TryAddSingleton<InMemoryStatusSource>();
                services.AddSingleton<ICredentialStatusSource>(sp => sp.GetRequiredService<InMemoryStatusSource>());
                break;
        }

        services.TryAddSingleton<DecisionRecorder>();
        var shipping = configuration.GetSection(DecisionShippingSection);
        if (shipping.Exists())
        {
            services.AddDecisionShipping(options => shipping.Bind(options));
        }

        services.AddHostedService<KeyRefreshService>();
        services.AddProblemDetails();
        return services;
    }

    private static StatusSourceMode ReadMode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return StatusSourceMode.StatusList;
        }

        return Enum.TryParse<StatusSourceMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _)
            ? mode
            : throw new InvalidOperationException($"Endpoint:StatusSource '{value}' is not a status source; use StatusList (the default) or InMemory (Development only).");
    }
}
