using ExecGov.Credentials.Files;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// The data folder: created owner-only (0700), holding the database, generated keys and the bootstrap secret.
/// An existing folder that group or other users can access is refused, as key files are.
/// </summary>
internal static class DataFolder
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The deployment's one database: issuer and revocation state (<see cref="LiteDbStore"/>).</summary>
    public const string DatabaseFile = LiteDbStore.FileName;
    public const string KeySetFile = "issuer-keyset.json";
    public const string AdminTokenKeyFile = "admin-token-signing.pem";
    public const string BootstrapSecretFile = "bootstrap-admin.json";

    /// <summary>The files of the layout before one database per deployment: issuer state, revocation state.</summary>
    public static readonly IReadOnlyList<string> OldDatabaseFiles = ["issuer.db", "revocation.db"];

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

    /// <summary>
    /// Refuses a data folder of the old layout (issuer.db and/or revocation.db, no execgov.db): starting on it would
    /// create an empty database beside the old state and hand out status indices already in use. There is no
    /// migration; docs/issuer.md ("Upgrading") says what to do.
    /// </summary>
    public static void RefuseOldLayout(string folder)
    {
        if (File.Exists(Path.Combine(folder, DatabaseFile)))
        {
            return;
        }

        var old = OldDatabaseFiles.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        if (old.Count > 0)
        {
            throw new IssuerStartupException(
                $"Data folder {folder} holds {string.Join(" and ", old)} from an earlier version, which kept issuer and revocation state apart; this version keeps both in {DatabaseFile} and does not migrate. " +
                "Export what you need (execgov audit verify --database, the audit trace), move the old files away or start on a new data folder, and re-issue credentials (docs/issuer.md, Upgrading).");
        }
    }
}
