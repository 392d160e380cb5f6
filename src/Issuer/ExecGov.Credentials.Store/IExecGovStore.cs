using LiteDB;

namespace ExecGov.Credentials.Store;

/// <summary>
/// The one database of a deployment: issuer and revocation state side by side, so that every act commits with
/// everything it implies (a credential with its status index and audit record; a revocation act with its audit
/// record and events) or not at all.
/// </summary>
/// <remarks>
/// <para>
/// Writes are units of work: <see cref="WriteAsync{T}"/> runs a synchronous delegate as one transaction and
/// completes only once that transaction is durable. Units queued together are committed together (group commit),
/// each in its own transaction, so one unit's failure rolls back that unit only, and the cost of reaching the disk
/// is paid once per group. Domain code keeps derived in-memory state (published status lists, the event stream)
/// in step through <see cref="IStoreTransaction.OnCommitted"/> and <see cref="IStoreTransaction.OnDurable"/>.
/// </para>
/// <para>
/// Concurrency between processes: the LiteDB backend serves one process per data folder (the issuer's data-folder
/// lock refuses a second one before the file is opened), and within the process a single writer serialises every
/// unit. A PostgreSQL backend implements the same contract with one database transaction per unit: row locks
/// (<c>SELECT … FOR UPDATE</c>) on the status list being allocated from and on the audit chain's head, sequences for
/// act and event ids, and SERIALIZABLE where a unit reads what it then decides on (blocks, agent state), retrying a
/// unit on a serialization failure before anything is acknowledged.
/// </para>
/// <para>
/// The collections are read outside a unit from any thread (a consistent read of committed data). Inside a unit
/// they are written through the same properties; the LiteDB backend binds its transaction to the writer thread,
/// so a unit must not hop threads (no <c>await</c> inside it) and must not start another unit.
/// </para>
/// </remarks>
internal interface IExecGovStore : IDisposable
{
    /// <summary>
    /// Runs <paramref name="work"/> as one transaction and completes once it is durable (with durable writes on,
    /// it survives a SIGKILL right after). An exception from the work, or <see cref="IStoreTransaction.Discard"/>,
    /// rolls the unit back: nothing of it is stored and its hooks do not run. Once queued the unit runs whether or
    /// not the caller still waits; <paramref name="cancellationToken"/> only stops the waiting.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store stopped taking writes after a failed commit (restart the service), or the call came from inside a unit.</exception>
    /// <exception cref="ObjectDisposedException">The store is closed.</exception>
    Task<T> WriteAsync<T>(Func<IStoreTransaction, T> work, CancellationToken cancellationToken);

    /// <summary>Issuer state: registered agents (<c>agents</c>).</summary>
    ILiteCollection<AgentDocument> Agents { get; }

    /// <summary>Issuer state: admin clients of the embedded token server (<c>admin_clients</c>).</summary>
    ILiteCollection<AdminClientDocument> AdminClients { get; }

    /// <summary>Issued credentials with their status entries (<c>credentials</c>), shared by issuance and revocation.</summary>
    ILiteCollection<CredentialDocument> Credentials { get; }

    /// <summary>Issuer state: approval requests (<c>approvals</c>).</summary>
    ILiteCollection<ApprovalDocument> Approvals { get; }

    /// <summary>The one hash-chained audit trail (<c>audit</c>).</summary>
    ILiteCollection<AuditDocument> Audit { get; }

    /// <summary>Issuer state: agent assertion ids seen, for replay refusal (<c>used_assertions</c>).</summary>
    ILiteCollection<UsedAssertionDocument> UsedAssertions { get; }

    /// <summary>Decision records shipped by verifiers (<c>decisions</c>).</summary>
    ILiteCollection<DecisionDocument> Decisions { get; }

    /// <summary>The readiness probe's document (<c>health</c>).</summary>
    ILiteCollection<HealthProbeDocument> Health { get; }

    /// <summary>Revocation state: status lists and their counters (<c>lists</c>).</summary>
    ILiteCollection<ListDocument> Lists { get; }

    /// <summary>Revocation state: the event stream kept for replay (<c>events</c>).</summary>
    ILiteCollection<EventDocument> Events { get; }

    /// <summary>Revocation state: revocation acts (<c>acts</c>).</summary>
    ILiteCollection<ActDocument> Acts { get; }

    /// <summary>Revocation state: revoked or suspended scopes that refuse later issuance (<c>blocks</c>).</summary>
    ILiteCollection<BlockDocument> Blocks { get; }
}
