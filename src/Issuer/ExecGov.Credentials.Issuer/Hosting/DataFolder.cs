using ExecGov.Credentials.Files;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// The data folder: created owner-only (0700), holding the database, generated keys and the bootstrap secret.
/// An existing folder that group or other users can access is refused, as key files are.
/// </summary>
internal static class DataFolder
{
    public const string DatabaseFile = "issuer.db";
    public const string RevocationDatabaseFile = "revocation.db";
    public const string KeySetFile = "issuer-keyset.json";
    public const string AdminTokenKeyFile = "admin-token-signing.pem";
    public const string BootstrapSecretFile = "bootstrap-admin.json";

    /// <summary>The bootstrap approver's credentials, written once on the first start (mode 0600).</summary>
    public const string BootstrapApproverSecretFile = "bootstrap-approver.json";

    public static string Ensure(string dataPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataPath);
        var full = Path.GetFullPath(dataPath);
        OwnerOnlyFile.CreateFolder(full);
        if (OwnerOnlyFile.IsAccessibleByOthers(full, out var mode))
        {
            // The folder holds the audit trail, secret hashes and (by default) the signing keys.
            throw new IssuerStartupException(
                $"Data folder {full} is accessible by group or other users (mode {OwnerOnlyFile.Octal(mode)}); run 'chmod 700 {full}'.");
        }

        return full;
    }
}
