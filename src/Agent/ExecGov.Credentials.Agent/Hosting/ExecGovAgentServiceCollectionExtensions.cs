using ExecGov.Credentials.Agent;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Hosting;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Agent.Proofs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the agent SDK with dependency injection.</summary>
public static class ExecGovAgentServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> used to talk to the issuer's agent API.</summary>
    public const string IssuerHttpClientName = "ExecGov.Credentials.Agent.Issuer";

    /// <summary>
    /// Adds the agent identity: <see cref="ExecGovAgentOptions"/> (validated at start-up), the <see cref="AgentKey"/>
    /// (loaded, or created when <see cref="ExecGovAgentOptions.CreateKeyIfMissing"/>, while the host starts), and
    /// the issuer client. Then give each target's HttpClient a credential with <see cref="AddExecGovCredential"/>.
    /// </summary>
    public static IServiceCollection AddExecGovAgent(this IServiceCollection services, Action<ExecGovAgentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ExecGovAgentOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExecGovAgentOptions>, ExecGovAgentOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentCredentialOptions>, AgentCredentialOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(IssuerHttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = 256 * 1024;
            })
            // Assertions are bound to the issuer; never follow a redirect elsewhere with one.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ExecGovAgentOptions>>().Value;
            return options.CreateKeyIfMissing
                ? AgentKey.LoadOrCreate(options.KeyPath, sp.GetRequiredService<TimeProvider>())
                : AgentKey.Load(options.KeyPath);
        });
        services.TryAddSingleton<AgentCredentialProviders>();
        services.AddHostedService<AgentKeyWarmup>();
        return services;
    }

    /// <summary>
    /// Makes every request of this HttpClient carry a credential requested as <paramref name="configure"/> says
    /// (cached and renewed per client name) and a fresh proof (<see cref="ExecGovProofHandler"/>). Call it after any
    /// retry/resilience handler, so each attempt is signed anew. Requires <see cref="AddExecGovAgent"/>.
    /// </summary>
    public static IHttpClientBuilder AddExecGovCredential(this IHttpClientBuilder builder, Action<AgentCredentialOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<AgentCredentialOptions>(builder.Name).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentCredentialOptions>, AgentCredentialOptionsValidator>());
        var name = builder.Name;
        builder.AddHttpMessageHandler(sp => new ExecGovProofHandler(
            sp.GetRequiredService<AgentCredentialProviders>().Get(name),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
