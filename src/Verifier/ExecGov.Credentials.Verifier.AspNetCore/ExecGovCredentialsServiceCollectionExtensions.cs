using ExecGov.Credentials.Verifier.AspNetCore;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Authentication;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ExecGov enforcement for ASP.NET Core.</summary>
public static class ExecGovCredentialsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ExecGov scheme (<see cref="ExecGovCredentialDefaults.AuthenticationScheme"/>), the authorization
    /// handler behind <c>RequireAction</c>/<see cref="RequireActionAttribute"/>, and the <see cref="ActionEnforcer"/>.
    /// The verifier itself comes from <c>AddCredentialVerifier</c> and an <c>ICredentialStatusSource</c> registration.
    /// Do not make this the default authenticate scheme of an app that authenticates before routing: the decision
    /// needs the endpoint. An endpoint that requires an action and also allows anonymous access (which would skip the
    /// decision) stops the app from starting, with a message naming it.
    /// </summary>
    public static AuthenticationBuilder AddExecGovCredentials(this AuthenticationBuilder builder, Action<ActionEnforcementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExecGovEnforcement(configure);
        builder.Services.AddAuthorization();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ExecGovActionAuthorizationHandler>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, AnonymousActionCheck>());
        return builder.AddScheme<ExecGovCredentialOptions, ExecGovCredentialHandler>(
            ExecGovCredentialDefaults.AuthenticationScheme, displayName: "ExecGov credential (DPoP)", configureOptions: null);
    }

    /// <summary>
    /// Adds the <see cref="ActionEnforcer"/> and <see cref="DecisionRecorder"/> (used by the scheme, the MCP filter and
    /// custom pipelines). Options are validated at start-up.
    /// </summary>
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
    /// Ships every decision record in batches to the issuer's <c>POST /v1/decisions</c> (bounded queue that drops the
    /// oldest record when full, retry with backoff, client-credentials admin token). Off unless called; the JSON shape
    /// is in docs/decision-records.md. Options are validated at start-up. The same token also goes on the status
    /// source's revocation event-stream request to that issuer (<c>AddStatusListStatusSource</c>), so this verifier
    /// takes one of the issuer's places reserved for <c>verifier</c>-role clients; without a token the stream
    /// connects anonymously (logged once) and verification is unaffected. Status-list fetches stay anonymous.
    /// </summary>
    public static IServiceCollection AddDecisionShipping(this IServiceCollection services, Action<DecisionShipperOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DecisionShipperOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecisionShipperOptions>, DecisionShipperOptionsValidator>());
        services.AddHttpClient(DecisionShipper.HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(10);
                client.MaxResponseContentBufferSize = 64 * 1024;
            })
            // The admin token must never follow a redirect to another host.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DecisionShipper>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionRecordSink, DecisionShipper>(sp => sp.GetRequiredService<DecisionShipper>()));
        services.AddHostedService(sp => sp.GetRequiredService<DecisionShipper>());
        if (!services.Any(d => d.ServiceType == typeof(IssuerEventStreamToken)))
        {
            // The shipper's token client, reused: the event stream to the same issuer takes a reserved place.
            services.AddSingleton<IssuerEventStreamToken>();
            services.AddHttpClient(StatusListServiceCollectionExtensions.HttpClientName)
                .AddHttpMessageHandler(sp => new IssuerEventStreamAuthorizationHandler(sp.GetRequiredService<IssuerEventStreamToken>()));
        }

        return services;
    }
}
