using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Store;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    /// <summary>
    /// The status an entry moves to. Revoked is final; suspend touches only valid entries; unsuspend touches
    /// only suspended ones.
    /// </summary>
    internal static StatusValue Transition(StatusValue current, RevocationAction action) => action switch
    {
        RevocationAction.Revoke => StatusValue.Invalid,
        RevocationAction.Suspend => current == StatusValue.Valid ? StatusValue.Suspended : current,
        RevocationAction.Unsuspend => current == StatusValue.Suspended ? StatusValue.Valid : current,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a revocation action."),
    };

    /// <summary>
    /// Inside a unit of work: applies one act (entries, events, block, act record), to commit or roll back with the
    /// unit. An unknown credential id changes nothing and answers <see cref="RevocationOutcome.UnknownCredential"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The request is incomplete or names an undefined scope or action.</exception>
    internal RevocationResult Apply(IStoreTransaction transaction, RevocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Validate(request);
        List<CredentialDocument> covered;
        switch (request.Scope)
        {
            case RevocationScope.Credential:
                var one = _store.Credentials.FindById(request.Target);
                if (one is null)
                {
                    return NotApplied(RevocationOutcome.UnknownCredential);
                }

                covered = [one];
                break;
            case RevocationScope.Session:
                covered = _store.Credentials.Find(c => c.SessionId == request.Target).ToList();
                break;
            case RevocationScope.Agent:
                covered = _store.Credentials.Find(c => c.AgentId == request.Target).ToList();
                break;
            case RevocationScope.Authoriser:
                covered = _store.Credentials.Find(c => c.AuthoriserSubject == request.Target).ToList();
                break;
            case RevocationScope.SigningKey:
                covered = _store.Credentials.Find(c => c.KeyId == request.Target).ToList();
                break;
            case RevocationScope.HolderKey:
                covered = _store.Credentials.Find(c => c.HolderKeyThumbprint == request.Target).ToList();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Scope, "Not a revocation scope.");
        }

        var batch = BatchFor(transaction);
        var actId = ++batch.LastActId;
        var changed = new List<CredentialDocument>();
        foreach (var credential in covered)
        {
            var next = Transition((StatusValue)credential.Status, request.Action);
            if ((int)next != credential.Status)
            {
                credential.Status = (int)next;
                _store.Credentials.Update(credential);
                changed.Add(credential);
                batch.EntryChanges.Add((credential.ListId, credential.StatusIndex, next));
            }
        }

        long? firstEventId = null;
        long? lastEventId = null;
        // Every entry an act changes ends in the same status.
        var status = (int)(request.Action switch
        {
            RevocationAction.Revoke => StatusValue.Invalid,
            RevocationAction.Suspend => StatusValue.Suspended,
            _ => StatusValue.Valid,
        });
        foreach (var group in changed.GroupBy(c => c.ListId).OrderBy(g => g.Key))
        {
            var list = ListForBatch(batch, group.Key);
            foreach (var chunk in group.Select(c => c.StatusIndex).Order().Chunk(MaxIndicesPerEvent))
            {
                list.Version++;
                var id = ++batch.LastEventId;
                firstEventId ??= id;
                lastEventId = id;
                _store.Events.Insert(new EventDocument
                {
                    Id = id,
                    Kind = EventNames.Status,
                    ListId = list.Id,
                    Version = list.Version,
                    Status = status,
                    Indices = chunk,
                    ActId = actId,
                });
                batch.Events.Add(ToStoredEvent(id, EventKind.Status, list.Id, list.Version, status, chunk));
            }

            batch.ChangedLists.Add(list.Id);
        }

        if (request.Scope != RevocationScope.Credential)
        {
            UpdateBlock(batch, request, actId);
        }

        var isKeyRevocation = request.Scope == RevocationScope.SigningKey && request.Action == RevocationAction.Revoke;
        if (isKeyRevocation)
        {
            // Pushed with the act's own commit, after its status events: a verifier drops the key on receipt
            // instead of waiting for its next JWKS refresh. Every revocation of a key announces it again (at
            // least once; dropping a key twice is harmless).
            var id = ++batch.LastEventId;
            firstEventId ??= id;
            lastEventId = id;
            _store.Events.Insert(new EventDocument { Id = id, Kind = EventNames.KeyWithdrawn, ActId = actId, KeyId = request.Target });
            batch.Events.Add(ToKeyWithdrawnEvent(id, request.Target));
        }
        _store.Acts.Insert(new ActDocument
        {
            Id = actId,
            Scope = RevocationNames.ToWire(request.Scope),
            Target = request.Target,
            Action = RevocationNames.ToWire(request.Action),
            Responder = request.Responder,
            Reason = request.Reason,
            At = batch.At.ToUnixTimeMilliseconds(),
            Covered = covered.Count,
            Changed = changed.Count,
            FirstEventId = firstEventId,
            LastEventId = lastEventId,
            KeyWithdrawn = isKeyRevocation ? false : null,
        });

        var result = new RevocationResult
        {
            ActId = actId,
            Covered = covered.Count,
            Changed = changed.Count,
            ChangedAt = batch.At,
            LastEventId = lastEventId,
        };
        Prune(batch);
        SaveLists(batch);
        batch.Completions.Add(() => RevocationLog.ActApplied(_logger, actId, request.Action, request.Scope, result.Covered, result.Changed));
        return result;
    }

    /// <summary>
    /// A revoked scope blocks later allocation for good; a suspension blocks it until an unsuspend; an
    /// unsuspend lifts a suspension block only, never a revocation block.
    /// </summary>
    private void UpdateBlock(Batch batch, RevocationRequest request, long actId)
    {
        var key = BlockKey(request.Scope, request.Target);
        var blocked = TryGetBlock(batch, key, out var current);
        RevocationAction? next = request.Action switch
        {
            RevocationAction.Revoke => RevocationAction.Revoke,
            RevocationAction.Suspend => blocked && current == RevocationAction.Revoke ? RevocationAction.Revoke : RevocationAction.Suspend,
            RevocationAction.Unsuspend => blocked && current == RevocationAction.Revoke ? RevocationAction.Revoke : null,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Action, "Not a revocation action."),
        };

        if (blocked && next == current)
        {
            return;
        }

        if (next is { } action)
        {
            _store.Blocks.Upsert(new BlockDocument
            {
                Id = key,
                Scope = RevocationNames.ToWire(request.Scope),
                Target = request.Target,
                Action = RevocationNames.ToWire(action),
                ActId = actId,
            });
        }
        else if (blocked)
        {
            _store.Blocks.Delete(key);
        }
        else
        {
            return;
        }

        batch.Blocks[key] = next;
    }
}
