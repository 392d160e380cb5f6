using System.Threading.Channels;
using LiteDB;

namespace ExecGov.Credentials.Store;

/// <summary>
/// The LiteDB backend of <see cref="IExecGovStore"/>: one file (<c>execgov.db</c> in the issuer's data folder),
/// one mapper, every index, owner-only file modes, and one writer thread that commits queued units together.
/// </summary>
/// <remarks>
/// Durability: LiteDB 5 commits by appending pages to its log file through a background writer queue, so
/// <c>Commit</c> may return before the bytes have reached the operating system, and a SIGKILL right after would lose
/// an acknowledged change. With durable writes, a group of units is therefore followed by one checkpoint: LiteDB's
/// checkpoint takes the exclusive lock, waits for the writer queue to drain, copies the log into the data file,
/// flushes it to disk and truncates the log. Only then are the units' <see cref="IStoreTransaction.OnDurable"/>
/// hooks run and their callers answered. Automatic checkpoints are off, so every checkpoint is one asked for; the
/// cost is paid once per group (group commit), not once per unit. LiteDB's log recovery applies only confirmed
/// transactions, so each unit is atomic on disk even when a crash cuts a group short.
/// tests/…/Durability/CrashTests and the issuer's kill-mid-issuance test kill a real process mid-burst to prove it.
/// </remarks>
internal sealed partial class LiteDbStore : IExecGovStore
{
    /// <summary>The file name of the database in a data folder.</summary>
    public const string FileName = "execgov.db";

    /// <summary>Units committed in one group at most, so one checkpoint never waits behind an unbounded queue.</summary>
    public const int MaxGroupSize = 256;

    private readonly LiteDatabase _db;
    private readonly bool _durable;
    private readonly Channel<WriteUnit> _queue = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private volatile bool _broken;
    private int _disposed;

    /// <summary>Opens (or creates) the database at <paramref name="path"/>.</summary>
    /// <param name="path">The file; its folder is created when missing.</param>
    /// <param name="durable">Whether a unit is on disk before it is acknowledged (see the remarks on the class); off only for throwaway test data.</param>
    public LiteDbStore(string path, bool durable)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _durable = durable;
        _db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, CreateMapper())
        {
            CheckpointSize = durable ? 0 : 1000,
        };
        try
        {
            EnsureIndexes();
            if (!OperatingSystem.IsWindows())
            {
                // The file holds secret hashes, the audit trail and responders' reasons: owner only, like the key
                // files (and its log, which the writes above have created).
                File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                var log = LogFileOf(full);
                if (File.Exists(log))
                {
                    File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }
        catch
        {
            _db.Dispose();
            throw;
        }

        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "ExecGov store writer" };
        _writer.Start();
    }

    public ILiteCollection<AgentDocument> Agents => _db.GetCollection<AgentDocument>("agents");

    public ILiteCollection<AdminClientDocument> AdminClients => _db.GetCollection<AdminClientDocument>("admin_clients");

    public ILiteCollection<CredentialDocument> Credentials => _db.GetCollection<CredentialDocument>("credentials");

    public ILiteCollection<ApprovalDocument> Approvals => _db.GetCollection<ApprovalDocument>("approvals");

    public ILiteCollection<AuditDocument> Audit => _db.GetCollection<AuditDocument>("audit");

    public ILiteCollection<UsedAssertionDocument> UsedAssertions => _db.GetCollection<UsedAssertionDocument>("used_assertions");

    public ILiteCollection<DecisionDocument> Decisions => _db.GetCollection<DecisionDocument>("decisions");

    public ILiteCollection<HealthProbeDocument> Health => _db.GetCollection<HealthProbeDocument>("health");

    public ILiteCollection<ListDocument> Lists => _db.GetCollection<ListDocument>("lists");

    public ILiteCollection<EventDocument> Events => _db.GetCollection<EventDocument>("events");

    public ILiteCollection<ActDocument> Acts => _db.GetCollection<ActDocument>("acts");

    public ILiteCollection<BlockDocument> Blocks => _db.GetCollection<BlockDocument>("blocks");

    /// <summary>The log file LiteDB keeps beside <paramref name="databasePath"/> (<c>name-log.ext</c>).</summary>
    public static string LogFileOf(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
    }

    /// <summary>
    /// The mapper of every reader and writer of the file. LiteDB trims strings and turns empty ones into null by
    /// default; the audit chain hashes what it was given, and responders' reasons are shown as written, so the
    /// store must keep exactly that.
    /// </summary>
    public static BsonMapper CreateMapper() => new()
    {
        EnumAsInteger = false,
        SerializeNullValues = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
    };

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IStoreTransaction, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Thread.CurrentThread == _writer)
        {
            // The unit would wait for itself.
            throw new InvalidOperationException("A store unit of work cannot start another one; do the writes in the same unit.");
        }

        if (_broken)
        {
            throw new InvalidOperationException("The store stopped taking writes after a failed commit; restart the service.");
        }

        var unit = new WriteUnit<T>(work);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0 || !_queue.Writer.TryWrite(unit), this);
        return cancellationToken.CanBeCanceled ? unit.Task.WaitAsync(cancellationToken) : unit.Task;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _writer.Join();
        _db.Dispose();
    }

    private void EnsureIndexes()
    {
        Agents.EnsureIndex(a => a.Status);
        Agents.EnsureIndex(a => a.KeyThumbprint);

        // Issuance checks sessions; revocation acts select credentials by each of their scopes; start-up rebuilds
        // the lists from the entries that are not valid.
        Credentials.EnsureIndex(c => c.SessionId);
        Credentials.EnsureIndex(c => c.AgentId);
        Credentials.EnsureIndex(c => c.AuthoriserSubject);
        Credentials.EnsureIndex(c => c.KeyId);
        Credentials.EnsureIndex(c => c.HolderKeyThumbprint);
        Credentials.EnsureIndex(c => c.Status);
        Approvals.EnsureIndex(a => a.Status);
        Audit.EnsureIndex(a => a.CredentialId);
        Audit.EnsureIndex(a => a.SessionId);
        Audit.EnsureIndex(a => a.ApprovalId);
        Audit.EnsureIndex(a => a.AgentId);

        // Traces look up the revocation acts that covered a credential by kind.
        Audit.EnsureIndex(a => a.Kind);
        UsedAssertions.EnsureIndex(a => a.ExpiresAt);
        Decisions.EnsureIndex(d => d.CredentialId);
        Acts.EnsureIndex(a => a.KeyWithdrawn);
    }
}
