using ExecGov.Credentials.Revocation.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecGov.Credentials.Revocation.Hosting;

/// <summary>
/// Opens and recovers the revocation store at start-up (hosted services start before the server takes
/// requests), so the first fetch, allocation or act never pays for recovery and a broken store stops the
/// host at once. The container disposes the registry, which drains the writer and closes the file.
/// </summary>
internal sealed class RevocationHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IStatusListSigningKeyProvider>() is null)
        {
            throw new InvalidOperationException(
                "Revocation needs an IStatusListSigningKeyProvider: register one that returns the issuer's active credential key before the host starts.");
        }

        _ = services.GetRequiredService<RevocationRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
