using ExecGov.Credentials.Verifier.AspNetCore;
using ExecGov.Credentials.Verifier.AspNetCore.Authentication;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ExecGov enforcement for ASP.NET Core.</summary>
public static class ExecGovCredentialsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ExecGov DPoP scheme and the <see cref="ActionEnforcer"/>. The verifier itself comes from
    /// <c>AddCredentialVerifier</c> and an <c>ICredentialStatusSource</c> registration.
    /// </summary>
    public static AuthenticationBuilder AddExecGovCredentials(this AuthenticationBuilder builder, Action<ActionEnforcementOptions>? configure = null, string scheme = ExecGovCredentialDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExecGovEnforcement(configure);
        return builder.AddScheme<ExecGovCredentialOptions, ExecGovCredentialHandler>(scheme, displayName: "ExecGov DPoP credential", configureOptions: null);
    }

    /// <summary>Adds the <see cref="ActionEnforcer"/> and <see cref="DecisionRecorder"/> (used by the scheme, the verifier endpoint and the MCP filter).</summary>
    public static IServiceCollection AddExecGovEnforcement(this IServiceCollection services, Action<ActionEnforcementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ActionEnforcementOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActionEnforcementOptions>, ActionEnforcementOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DecisionRecorder>();
        services.TryAddSingleton<ActionEnforcer>();
        return services;
    }

    /// <summary>
    /// Ships every decision record in batches to the issuer (bounded queue, retry with backoff). Off unless called;
    /// the JSON shape is in docs/decision-records.md.
    /// </summary>
    public static IServiceCollection AddDecisionShipping(this IServiceCollection services, Action<DecisionShipperOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DecisionShipperOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecisionShipperOptions>, DecisionShipperOptionsValidator>());
        services.AddHttpClient(DecisionShipper.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DecisionShipper>();
        services.AddSingleton<IDecisionRecordSink>(sp => sp.GetRequiredService<DecisionShipper>());
        services.AddHostedService(sp => sp.GetRequiredService<DecisionShipper>());
        return services;
    }
}
