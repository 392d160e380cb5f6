using ExecGov.Credentials.Issuer.Errors;
using LiteDB;

namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>
/// The LiteDB file behind the issuer. Writes are serialised and transactional: a unit of work either
/// commits entirely (with its audit records) or, when it fails, changes nothing. With durable writes a
/// commit is checkpointed before it is acknowledged, so an acknowledged issuance survives a crash.
/// </summary>
internal sealed class IssuerStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly Lock _writeGate = new();
    private readonly bool _durable;

    public IssuerStore(string path, bool durable)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _durable = durable;
        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
        _db.CheckpointSize = _durable ? 0 : 1000;
        if (!OperatingSystem.IsWindows())
        {
            // The file holds secret hashes and the audit trail: owner only, like the key files.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var log = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
            if (File.Exists(log))
            {
                File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Agents.EnsureIndex(a => a.Status);
        Agents.EnsureIndex(a => a.KeyThumbprint);
        Credentials.EnsureIndex(c => c.SessionId);
        Credentials.EnsureIndex(c => c.AgentId);
        Approvals.EnsureIndex(a => a.Status);
        Audit.EnsureIndex(a => a.CredentialId);
        Audit.EnsureIndex(a => a.SessionId);
        Audit.EnsureIndex(a => a.ApprovalId);
        Audit.EnsureIndex(a => a.AgentId);

        // Traces look up the revocation acts that covered a credential by kind.
        Audit.EnsureIndex(a => a.Kind);
        UsedAssertions.EnsureIndex(a => a.ExpiresAt);
        Decisions.EnsureIndex(d => d.CredentialId);
    }

    public ILiteCollection<AgentDocument> Agents => _db.GetCollection<AgentDocument>("agents");

    public ILiteCollection<AdminClientDocument> AdminClients => _db.GetCollection<AdminClientDocument>("admin_clients");

    public ILiteCollection<CredentialDocument> Credentials => _db.GetCollection<CredentialDocument>("credentials");

    public ILiteCollection<ApprovalDocument> Approvals => _db.GetCollection<ApprovalDocument>("approvals");

    public ILiteCollection<AuditDocument> Audit => _db.GetCollection<AuditDocument>("audit");

    public ILiteCollection<UsedAssertionDocument> UsedAssertions => _db.GetCollection<UsedAssertionDocument>("used_assertions");

    public ILiteCollection<DecisionDocument> Decisions => _db.GetCollection<DecisionDocument>("decisions");

    public ILiteCollection<RecordedActDocument> RecordedActs => _db.GetCollection<RecordedActDocument>("revocation_acts");

    public ILiteCollection<HealthProbeDocument> Health => _db.GetCollection<HealthProbeDocument>("health");

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction under the write lock. A failed result or an exception
    /// rolls everything back. LiteDB transactions are bound to the calling thread, so the work must be
    /// synchronous.
    /// </summary>
    public IssuerResult<T> Write<T>(Func<IssuerResult<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_writeGate)
        {
            _db.BeginTrans();
            IssuerResult<T> result;
            try
            {
                result = work();
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            if (result.Failed)
            {
                _db.Rollback();
                return result;
            }

            _db.Commit();
            if (_durable)
            {
                // LiteDB queues log pages for a background writer; a checkpoint waits for them and flushes
                // the data file, so the caller hears "done" only once the write is on disk.
                _db.Checkpoint();
            }

            return result;
        }
    }

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// The mapper of every reader and writer of the issuer file. LiteDB trims strings and turns empty ones into
    /// null by default; the audit chain hashes what it was given, so the store must keep exactly that.
    /// </summary>
    internal static BsonMapper CreateMapper() => new()
    {
        EnumAsInteger = false,
        SerializeNullValues = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
    };
}
