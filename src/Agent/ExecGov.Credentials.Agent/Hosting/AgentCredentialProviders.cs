using System.Collections.Concurrent;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Agent.Hosting;

/// <summary>
/// One <see cref="AgentCredentialProvider"/> per named <see cref="AgentCredentialOptions"/> (the HttpClient's name), so
/// every handler instance IHttpClientFactory creates for that client shares the cached credential.
/// </summary>
internal sealed class AgentCredentialProviders(IServiceProvider services) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<AgentCredentialProvider>> _providers = new(StringComparer.Ordinal);

    public AgentCredentialProvider Get(string name) =>
        _providers.GetOrAdd(name, key => new Lazy<AgentCredentialProvider>(() => Create(key), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public void Dispose()
    {
        foreach (var provider in _providers.Values)
        {
            if (provider.IsValueCreated)
            {
                provider.Value.Dispose();
            }
        }
    }

    private AgentCredentialProvider Create(string name) => new(
        services.GetRequiredService<AgentKey>(),
        services.GetRequiredService<IOptions<ExecGovAgentOptions>>().Value,
        services.GetRequiredService<IOptionsMonitor<AgentCredentialOptions>>().Get(name),
        services.GetRequiredService<IHttpClientFactory>().CreateClient(ExecGovAgentServiceCollectionExtensions.IssuerHttpClientName),
        services.GetRequiredService<TimeProvider>(),
        services.GetService<ILogger<AgentCredentialProvider>>());
}
