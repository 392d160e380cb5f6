using System.Text.Json;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.SignIn;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// Runs before the server listens: opens the database and the keys (so a bad keyset or data folder stops the
/// start with a clear message instead of failing the first request), creates the bootstrap admin on the first
/// start, and records the start in the audit trail.
/// </summary>
internal sealed class IssuerStartup(IServiceProvider services, IOptions<IssuerOptions> options, IOptions<AdminAuthenticationOptions> signIn, ILogger<IssuerStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // First: nothing in the data folder is opened before this process holds it alone.
        _ = services.GetRequiredService<DataFolderLock>();
        var store = services.GetRequiredService<IExecGovStore>();
        var keys = services.GetRequiredService<KeyRing>();
        var embedded = !signIn.Value.IsExternal;
        if (embedded)
        {
            _ = services.GetRequiredService<AdminTokenKey>();
            services.GetRequiredService<BootstrapAdmin>().EnsureCreated();
        }

        var audit = services.GetRequiredService<AuditLog>();
        store.Write<bool>(() =>
        {
            audit.Append(new AuditEntry(AuditEventKinds.IssuerStarted, "issuer",
                Details: JsonSerializer.Serialize(new IssuerStartedDetails(options.Value.IssuerId, keys.ActiveKey.KeyId, keys.Path, embedded), IssuerJsonContext.Default.IssuerStartedDetails)));
            return true;
        });
        IssuerLog.IssuerStarted(logger, options.Value.IssuerId, Path.GetFullPath(options.Value.DataPath));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The counts of failures audited only in aggregate are written before the store closes.
        services.GetRequiredService<AnonymousFailureLimiter>().Flush();
        return Task.CompletedTask;
    }
}
