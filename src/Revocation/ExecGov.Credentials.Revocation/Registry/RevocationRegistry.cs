using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Publishing;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>
/// The revocation registry: allocates status indices, applies acts, keeps the published lists and the event
/// log in step with the store. Both run inside a unit of work of the deployment's one store
/// (<see cref="IExecGovStore"/>): the issuer allocates a credential's index in the transaction that stores the
/// credential and its audit record (<see cref="Register"/>), and an act commits with its audit record and events
/// (<see cref="Apply"/>). The store commits concurrent units together (group commit) and answers each only once
/// it is durable; the lists are re-signed and the events pushed from its durable hook, so nothing is observable
/// before it is on disk.
/// </summary>
/// <remarks>
/// The store's single writer makes ordering simple and safe: an allocation and a revocation that race are
/// serialised, so either the credential is covered by the act or its allocation is refused by the block the act
/// left. The committed counters are touched by the writer only (and by the constructor before any unit runs).
/// </remarks>
internal sealed partial class RevocationRegistry : IDisposable
{
    /// <summary>
    /// A status event names at most this many indices; a larger change is split into several events (each one
    /// version), so no SSE line grows without bound.
    /// </summary>
    internal const int MaxIndicesPerEvent = 4_096;

    private const int MaxFieldLength = 1_024;

    private readonly RevocationOptions _options;
    private readonly IExecGovStore _store;
    private readonly StatusListPublisher _publisher;
    private readonly EventLog _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ISigningKeyCompromiseHandler _keyHandler;

    // Committed state, owned by the store's writer.
    private readonly Dictionary<int, ListState> _lists = [];
    private readonly Dictionary<string, RevocationAction> _blocks = new(StringComparer.Ordinal);
    private long _lastEventId;
    private long _lastActId;
    private long _prunedThrough;
    private int _currentListId;
    private (IStoreTransaction Transaction, Batch Batch)? _open;

    public RevocationRegistry(
        IOptions<RevocationOptions> options,
        IExecGovStore store,
        IStatusListSigningKeyProvider signingKeys,
        ISigningKeyCompromiseHandler keyHandler,
        TimeProvider time,
        ILogger<RevocationRegistry>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signingKeys);
        ArgumentNullException.ThrowIfNull(keyHandler);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _store = store;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _keyHandler = keyHandler;
        _publisher = new StatusListPublisher(_options, signingKeys, time, _logger);
        _events = new EventLog(_options.EventRetention, time);
        var pending = Recover();
        if (_lists.Count == 0)
        {
            store.WriteAsync(tx =>
            {
                var batch = BatchFor(tx);
                StartList(batch);
                SaveLists(batch);
                return true;
            }, CancellationToken.None).GetAwaiter().GetResult();
        }

        if (pending.Count > 0)
        {
            _ = Task.Run(() => WithdrawPendingKeysAsync(pending));
        }
    }

    /// <summary>The published lists (for the status-list endpoint).</summary>
    internal StatusListPublisher Publisher => _publisher;

    /// <summary>The event log (for the event stream).</summary>
    internal EventLog Events => _events;

    internal RevocationOptions Options => _options;

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    internal IExecGovStore Store => _store;

    /// <summary>
    /// Allocates a status index for <paramref name="registration"/> in a unit of its own, for a host that stores
    /// nothing else with it (the crash-test host, benchmarks). The issuer uses <see cref="Register"/> inside its
    /// issuance transaction instead.
    /// </summary>
    /// <exception cref="ArgumentException">The registration is incomplete, or its credential id is already registered with different data.</exception>
    /// <exception cref="IssuanceBlockedException">The session, agent, authoriser, signing key or holder key was revoked or suspended.</exception>
    public Task<StatusListReference> AllocateAsync(CredentialRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        RequireText(registration.CredentialId, nameof(registration.CredentialId));
        RequireText(registration.SessionId, nameof(registration.SessionId));
        RequireText(registration.AgentId, nameof(registration.AgentId));
        RequireText(registration.AuthoriserSubject, nameof(registration.AuthoriserSubject));
        RequireText(registration.SigningKeyId, nameof(registration.SigningKeyId));
        var credential = new CredentialDocument
        {
            Id = registration.CredentialId,
            SessionId = registration.SessionId,
            AgentId = registration.AgentId,
            AuthoriserSubject = registration.AuthoriserSubject,
            KeyId = registration.SigningKeyId,
            HolderKeyThumbprint = registration.HolderKeyThumbprint,
            Expires = registration.ExpiresAt.ToUnixTimeSeconds(),
        };
        return _store.WriteAsync(tx => Register(tx, credential), cancellationToken);
    }

    /// <summary>Applies one act with no host part (a host of the revocation domain alone); see the other overload.</summary>
    public Task<RevocationResult> ApplyAsync(RevocationRequest request, CancellationToken cancellationToken) =>
        ApplyAsync(request, null, cancellationToken);

    /// <summary>
    /// Applies one act in a unit of its own and returns once it is durable, its lists are republished and its
    /// events are on the stream; <paramref name="alongside"/> (the host's part of the act: audit record, agent
    /// state) runs inside the same transaction, and returning false from it refuses the act (nothing changes,
    /// the outcome is <see cref="RevocationOutcome.TargetNotFound"/>). For a signing-key revocation the compromise
    /// handler runs after the commit. An unknown credential id is a result, not an exception.
    /// </summary>
    /// <exception cref="ArgumentException">The request is incomplete or names an undefined scope or action: validate input first.</exception>
    public async Task<RevocationResult> ApplyAsync(RevocationRequest request, HostActPart? alongside, CancellationToken cancellationToken)
    {
        Validate(request);
        var act = _store.WriteAsync(tx =>
        {
            if (alongside is not null && request.Scope != RevocationScope.Credential && !alongside.IsKnownTarget(request.Scope, request.Target))
            {
                tx.Discard();
                return NotApplied(RevocationOutcome.TargetNotFound);
            }

            var result = Apply(tx, request);
            if (result.Outcome != RevocationOutcome.Applied)
            {
                tx.Discard();
                return result;
            }

            alongside?.Record(tx, request, result);
            return result;
        }, CancellationToken.None);

        // The caller may stop waiting, but the act and the key withdrawal run to the end regardless: a responder
        // who hangs up must not leave a compromised key in the JWKS.
        return await CompleteAsync(request, act).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        // The store belongs to the host; nothing here holds a file.
    }

    internal static void Validate(RevocationRequest request)
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
    }

    private async Task<RevocationResult> CompleteAsync(RevocationRequest request, Task<RevocationResult> act)
    {
        var result = await act.ConfigureAwait(false);
        if (result.Outcome == RevocationOutcome.Applied && request.Scope == RevocationScope.SigningKey && request.Action == RevocationAction.Revoke)
        {
            await WithdrawKeyAsync(request.Target, result.ActId).ConfigureAwait(false);
        }

        return result;
    }

    private RevocationResult NotApplied(RevocationOutcome outcome) => new()
    {
        Outcome = outcome,
        ActId = 0,
        Covered = 0,
        Changed = 0,
        ChangedAt = _time.GetUtcNow(),
    };

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

    private static string BlockKey(RevocationScope scope, string target) => RevocationNames.ToWire(scope) + ":" + target;
}
