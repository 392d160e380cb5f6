using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Files;
using ExecGov.Credentials.Issuer.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// On the first start (no admin client yet), creates two clients for two people: the bootstrap admin (roles
/// admin, responder, auditor; person <see cref="IssuerOptions.BootstrapPerson"/>) and the bootstrap approver (role
/// approver only; person <see cref="IssuerOptions.BootstrapApproverPerson"/>, which must differ). Each secret is
/// written once to its own file in the data folder (mode 0600) so the two can be handed to different people; the
/// bootstrap approver is the first approver, through which every later approver client is approved. Secrets are
/// never logged. The files are written before the clients are committed (both in one transaction), so a crash in
/// between leaves useless files that the next start replaces, never a client whose secret nobody has.
/// </summary>
internal sealed class BootstrapAdmin(AdminClients clients, IOptions<IssuerOptions> options, IssuerUris uris, ILogger<BootstrapAdmin> logger)
{
    public string SecretPath => Path.Combine(DataFolder.Ensure(options.Value.DataPath), DataFolder.BootstrapSecretFile);

    public string ApproverSecretPath => Path.Combine(DataFolder.Ensure(options.Value.DataPath), DataFolder.BootstrapApproverSecretFile);

    public void EnsureCreated()
    {
        if (clients.Any())
        {
            return;
        }

        var settings = options.Value;
        var adminSecret = Write(SecretPath, settings.BootstrapClientId, AdminRoles.Bootstrap);
        var approverSecret = Write(ApproverSecretPath, settings.BootstrapApproverClientId, [AdminRoles.Approver]);
        var created = clients.CreateBootstrap(
        [
            (settings.BootstrapClientId, "Bootstrap admin", settings.BootstrapPerson, AdminRoles.Bootstrap, adminSecret),
            (settings.BootstrapApproverClientId, "Bootstrap approver", settings.BootstrapApproverPerson, [AdminRoles.Approver], approverSecret),
        ]);
        if (created.Failed)
        {
            throw new InvalidOperationException($"The bootstrap clients could not be created: {created.Error.Detail}");
        }

        IssuerLog.BootstrapAdminCreated(logger, settings.BootstrapClientId, SecretPath);
        IssuerLog.BootstrapAdminCreated(logger, settings.BootstrapApproverClientId, ApproverSecretPath);
    }

    private string Write(string path, string clientId, IReadOnlyList<string> roles)
    {
        var secret = SecretHasher.NewSecret();
        var content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new BootstrapSecretFile(clientId, secret, uris.TokenEndpoint, roles), IssuerJsonContext.Default.BootstrapSecretFile));
        OwnerOnlyFile.Write(path, content, overwrite: true);
        return secret;
    }
}
