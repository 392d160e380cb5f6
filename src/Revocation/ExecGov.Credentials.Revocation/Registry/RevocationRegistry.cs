using System.Collections.Concurrent;
using System.Threading.Channels;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Revocation.Publishing;
using ExecGov.Credentials.Revocation.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>
/// The revocation registry: allocates status indices, applies acts, keeps the published lists and the event
/// log in step with the store. Every change goes through one writer thread that commits concurrent requests
/// together (group commit, at most <see cref="RevocationOptions.MaxBatchSize"/> per durable write) and
/// answers each request only after its batch is on disk, its lists are re-signed and its events are on the
/// stream.
/// </summary>
/// <remarks>
/// One writer makes ordering simple and safe: an allocation and a revocation that race are serialised, so
/// either the credential is covered by the act or its allocation is refused by the block the act left.
/// The store, the committed counters and the list entries are touched by the writer thread only (and by the
/// constructor before that thread starts).
/// </remarks>
internal sealed partial class RevocationRegistry : IStatusIndexAllocator, IRevocationService, IDisposable
{
    /// <summary>
    /// A status event names at most this many indices; a larger change is split into several events (each one
    /// version), so no SSE line grows without bound.
    /// </summary>
    internal const int MaxIndicesPerEvent = 4_096;

    private const int MaxFieldLength = 1_024;

    private readonly RevocationOptions _options;
    private readonly RevocationStore _store;
    private readonly StatusListPublisher _publisher;
    private readonly EventLog _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IRevocationAuditSink _audit;
    private readonly ISigningKeyCompromiseHandler _keyHandler;
    private readonly Channel<WriteWork> _queue = Channel.CreateUnbounded<WriteWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<FollowUp> _followUps = new();
    private readonly Thread _writer;

    // Committed state, owned by the writer thread.
    private readonly Dictionary<int, ListState> _lists = [];
    private readonly Dictionary<string, RevocationAction> _blocks = new(StringComparer.Ordinal);
    private long _lastEventId;
    private long _lastActId;
    private long _prunedThrough;
    private int _currentListId;
    private int _disposed;
    private volatile bool _broken;

    public RevocationRegistry(
        IOptions<RevocationOptions> options,
        IStatusListSigningKeyProvider signingKeys,
        IRevocationAuditSink audit,
        ISigningKeyCompromiseHandler keyHandler,
        TimeProvider time,
        ILogger<RevocationRegistry>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signingKeys);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(keyHandler);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _audit = audit;
        _keyHandler = keyHandler;
        _publisher = new StatusListPublisher(_options, signingKeys, time, _logger);
        _events = new EventLog(_options.EventRetention, time);
        _store = new RevocationStore(_options.DatabasePath);
        try
        {
            var pending = Recover();
            if (_lists.Count == 0)
            {
                var start = new StartListWork();
                ProcessBatch([start]);
                start.Completion.Task.GetAwaiter().GetResult();
            }

            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "ExecGov revocation writer" };
            _writer.Start();
            if (pending.Count > 0)
            {
                _ = Task.Run(() => RedeliverAsync(pending));
            }
        }
        catch
        {
            _store.Dispose();
            throw;
        }
    }

    /// <summary>The published lists (for the status-list endpoint).</summary>
    internal StatusListPublisher Publisher => _publisher;

    /// <summary>The event log (for the event stream).</summary>
    internal EventLog Events => _events;

    internal RevocationOptions Options => _options;

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    /// <inheritdoc />
    public async ValueTask<StatusListReference> AllocateAsync(CredentialRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        RequireText(registration.CredentialId, nameof(registration.CredentialId));
        RequireText(registration.SessionId, nameof(registration.SessionId));
        RequireText(registration.AgentId, nameof(registration.AgentId));
        RequireText(registration.AuthoriserSubject, nameof(registration.AuthoriserSubject));
        RequireText(registration.SigningKeyId, nameof(registration.SigningKeyId));
        var work = new AllocationWork(registration);
        Enqueue(work);
        return await work.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<RevocationResult> ApplyAsync(RevocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Scope))
        {
            throw new ArgumentException($"Undefined scope {request.Scope}.", nameof(request));
        }

        if (!Enum.IsDefined(request.Action))
        {
            throw new ArgumentException($"Undefined action {request.Action}.", nameof(request));
        }

        RequireText(request.Target, nameof(request.Target));
        RequireText(request.Responder, nameof(request.Responder));
        RequireText(request.Reason, nameof(request.Reason));
        var work = new ActWork(request);
        Enqueue(work);

        // The caller may stop waiting, but the act and its after-commit steps run to the end regardless: a
        // responder who hangs up must not leave a compromised key in the JWKS or an act out of the audit trail.
        return await CompleteAsync(work).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RevocationResult> CompleteAsync(ActWork work)
    {
        var result = await work.Completion.Task.ConfigureAwait(false);
        if (result.Outcome == RevocationOutcome.Applied)
        {
            await FollowUpAsync(work.Request, result).ConfigureAwait(false);
        }

        return result;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _writer.Join();

        // Record the after-commit steps that finished since the last batch, so they are not repeated.
        if (!_followUps.IsEmpty && !_broken)
        {
            ProcessBatch([]);
        }

        _store.Dispose();
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }

        if (value.Length > MaxFieldLength)
        {
            throw new ArgumentException($"{name} is longer than {MaxFieldLength} characters.", name);
        }
    }

    private void Enqueue(WriteWork work)
    {
        if (_broken)
        {
            throw new InvalidOperationException("The revocation registry stopped after an internal error; restart the service.");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0 || !_queue.Writer.TryWrite(work), this);
    }

    private static string BlockKey(RevocationScope scope, string target) => RevocationNames.ToWire(scope) + ":" + target;
}
