using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Issuer.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// On the first start (no admin client yet), creates the bootstrap admin with every role and writes its
/// client secret once to <c>{data}/bootstrap-admin.json</c> (mode 0600). The secret is never logged: the log
/// names only the file. The file is written before the client is committed, so a crash in between leaves a
/// useless file that the next start replaces, never a client whose secret nobody has.
/// </summary>
internal sealed class BootstrapAdmin(AdminClients clients, IOptions<IssuerOptions> options, IssuerUris uris, ILogger<BootstrapAdmin> logger)
{
    public string SecretPath => Path.Combine(DataFolder.Ensure(options.Value.DataPath), DataFolder.BootstrapSecretFile);

    public void EnsureCreated()
    {
        if (clients.Any())
        {
            return;
        }

        var clientId = options.Value.BootstrapClientId;
        var secret = SecretHasher.NewSecret();
        var content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new BootstrapSecretFile(clientId, secret, uris.TokenEndpoint, AdminRoles.All), IssuerJsonContext.Default.BootstrapSecretFile));
        DataFolder.WriteOwnerOnly(SecretPath, content);
        var created = clients.CreateCore(clientId, "Bootstrap admin", AdminRoles.All, publicKey: null, createdBy: "issuer", presetSecret: secret);
        if (created.Failed)
        {
            throw new InvalidOperationException($"The bootstrap admin could not be created: {created.Error.Detail}");
        }

        IssuerLog.BootstrapAdminCreated(logger, clientId, SecretPath);
    }
}
