using ExecGov.Credentials.Agent.Keys;
using Microsoft.Extensions.Hosting;

namespace ExecGov.Credentials.Agent.Hosting;

/// <summary>Loads (or creates) the agent key while the host starts, so an unsafe or missing key file stops start-up instead of the first request.</summary>
internal sealed class AgentKeyWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(AgentKey));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
