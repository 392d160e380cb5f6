using LiteDB;

namespace ExecGov.Credentials.Revocation.Storage;

/// <summary>
/// The revocation store: its own LiteDB file. After start-up it is used by the registry's single writer
/// thread only (LiteDB binds a transaction to the thread that began it), so there is no lock here.
/// </summary>
/// <remarks>
/// Durability: LiteDB 5 commits by appending pages to its log file through a background writer queue, so
/// <c>Commit</c> may return before the bytes have reached the operating system, and a SIGKILL right after
/// would lose an acknowledged change. <see cref="CommitDurably"/> therefore follows the commit with a
/// checkpoint: LiteDB's checkpoint takes the exclusive lock, waits for the writer queue to drain, copies the
/// log into the data file, flushes it to disk and truncates the log. Only then does a caller hear "done".
/// Automatic checkpoints are off so that every checkpoint is one we asked for. The cost is paid once per
/// batch (group commit), not once per act. tests/…/Durability/CrashTests kills a real process mid-burst to
/// prove it.
/// </remarks>
internal sealed class RevocationStore : IDisposable
{
    private readonly LiteDatabase _db;

    public RevocationStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // LiteDB trims strings and stores empty ones as null by default: keep exactly what was written (responder
        // names and reasons are compared with the issuer's audit trail).
        var mapper = new BsonMapper { SerializeNullValues = false, TrimWhitespace = false, EmptyStringToNull = false };
        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper)
        {
            CheckpointSize = 0,
        };

        Credentials.EnsureIndex(c => c.SessionId);
        Credentials.EnsureIndex(c => c.AgentId);
        Credentials.EnsureIndex(c => c.AuthoriserSubject);
        Credentials.EnsureIndex(c => c.SigningKeyId);
        Credentials.EnsureIndex(c => c.HolderKeyThumbprint);

        // Start-up rebuilds the lists from the entries that are not valid; an index keeps that cheap.
        Credentials.EnsureIndex(c => c.Status);
        Acts.EnsureIndex(a => a.Audited);
        if (!OperatingSystem.IsWindows())
        {
            // Acts name responders and their reasons: owner only, like the issuer's own database (and its log,
            // which the writes above have created).
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var log = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
            if (File.Exists(log))
            {
                File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    public ILiteCollection<CredentialDocument> Credentials => _db.GetCollection<CredentialDocument>("credentials");

    public ILiteCollection<ListDocument> Lists => _db.GetCollection<ListDocument>("lists");

    public ILiteCollection<EventDocument> Events => _db.GetCollection<EventDocument>("events");

    public ILiteCollection<ActDocument> Acts => _db.GetCollection<ActDocument>("acts");

    public ILiteCollection<BlockDocument> Blocks => _db.GetCollection<BlockDocument>("blocks");

    public void BeginTransaction()
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A revocation store transaction is already open on this thread.");
        }
    }

    /// <summary>Commits the open transaction and returns only once it is on disk (see the remarks on the class).</summary>
    public void CommitDurably()
    {
        _db.Commit();
        _db.Checkpoint();
    }

    public void Rollback() => _db.Rollback();

    public void Dispose() => _db.Dispose();
}
