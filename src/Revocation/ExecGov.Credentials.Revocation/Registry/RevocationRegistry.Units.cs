using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    /// <summary>
    /// The staged changes of the unit <paramref name="transaction"/> belongs to, started on first use: merged into
    /// the committed counters when the unit commits, published when it is durable, dropped when it rolls back.
    /// </summary>
    private Batch BatchFor(IStoreTransaction transaction)
    {
        if (_open is { } open && ReferenceEquals(open.Transaction, transaction))
        {
            return open.Batch;
        }

        var batch = new Batch(_lastEventId, _lastActId, _currentListId, _prunedThrough, _time.GetUtcNow());
        _open = (transaction, batch);
        transaction.OnCommitted(() => Committed(batch));
        transaction.OnDurable(() => Durable(batch));
        return batch;
    }

    /// <summary>The list counters a unit changed, written in its transaction (the store's truth for the next start).</summary>
    private void SaveLists(Batch batch)
    {
        foreach (var list in batch.Lists.Values)
        {
            _store.Lists.Upsert(new ListDocument
            {
                Id = list.Id,
                Size = list.Size,
                Allocated = list.Allocated,
                IndexKey = list.IndexKey,
                Version = list.Version,
                CreatedAt = list.CreatedAt,
            });
        }
    }

    /// <summary>The unit committed: the next unit builds on its counters, lists and blocks.</summary>
    private void Committed(Batch batch)
    {
        _open = null;
        _lastEventId = batch.LastEventId;
        _lastActId = batch.LastActId;
        _currentListId = batch.CurrentListId;
        _prunedThrough = batch.PrunedThrough;
        foreach (var (id, list) in batch.Lists)
        {
            _lists[id] = list;
        }

        foreach (var (key, action) in batch.Blocks)
        {
            if (action is { } value)
            {
                _blocks[key] = value;
            }
            else
            {
                _blocks.Remove(key);
            }
        }
    }

    /// <summary>The unit is durable: now what verifiers see follows the disk.</summary>
    private void Durable(Batch batch)
    {
        foreach (var id in batch.NewLists)
        {
            _publisher.AddList(id, batch.Lists[id].Size);
            RevocationLog.ListStarted(_logger, id, batch.Lists[id].Size);
        }

        foreach (var (listId, index, status) in batch.EntryChanges)
        {
            _publisher.Entries(listId).Set(index, status);
        }

        // Lists are re-signed before their events go out, so a verifier that refetches on an event gets at
        // least that version.
        foreach (var id in batch.NewLists.Union(batch.ChangedLists).Order())
        {
            _publisher.Publish(id, batch.Lists[id].Version);
        }

        _events.Append(batch.Events);
        foreach (var complete in batch.Completions)
        {
            complete();
        }
    }

    /// <summary>Deletes events past the retention, in steps of an eighth of it so pruning is rare.</summary>
    private void Prune(Batch batch)
    {
        var retention = _options.EventRetention;
        var keepFrom = batch.LastEventId - retention;
        if (keepFrom - batch.PrunedThrough < Math.Max(1, retention / 8))
        {
            return;
        }

        _store.Events.DeleteMany(e => e.Id <= keepFrom);
        batch.PrunedThrough = keepFrom;
        batch.Completions.Add(() => RevocationLog.EventsPruned(_logger, keepFrom));
    }

    private StoredEvent AddListEvent(Batch batch, int listId)
    {
        var id = ++batch.LastEventId;
        _store.Events.Insert(new EventDocument { Id = id, Kind = EventNames.List, ListId = listId, Version = 0 });
        var stored = ToStoredEvent(id, EventKind.List, listId, 0, 0, []);
        batch.Events.Add(stored);
        return stored;
    }

    private StoredEvent ToStoredEvent(long id, EventKind kind, int listId, long version, int status, int[] indices)
    {
        var uri = _publisher.Uris.For(listId);
        var data = kind == EventKind.Status
            ? System.Text.Json.JsonSerializer.Serialize(
                new StatusEventData { Uri = uri, Version = version, Status = status, Indices = indices },
                EventStreamJsonContext.Default.StatusEventData)
            : System.Text.Json.JsonSerializer.Serialize(
                new ListEventData { Uri = uri, Version = version },
                EventStreamJsonContext.Default.ListEventData);
        return new StoredEvent(id, kind, listId, version, data);
    }

    private static StoredEvent ToKeyWithdrawnEvent(long id, string keyId) =>
        new(id, EventKind.KeyWithdrawn, 0, 0, System.Text.Json.JsonSerializer.Serialize(new KeyWithdrawnData { KeyId = keyId }, EventStreamJsonContext.Default.KeyWithdrawnData));

    /// <summary>Starts the next list (used when the current one is full, and for the first list of an empty store).</summary>
    private ListState StartList(Batch batch)
    {
        var id = checked(batch.CurrentListId + 1);
        var list = new ListState(id, _options.ListSize, batch.At.ToUnixTimeSeconds()) { IndexKey = IndexPermutation.NewKey() };
        batch.Lists[id] = list;
        batch.NewLists.Add(id);
        batch.CurrentListId = id;
        AddListEvent(batch, id);
        return list;
    }

    /// <summary>The batch's copy of a list's counters (copied from the committed state on first use).</summary>
    private ListState ListForBatch(Batch batch, int listId)
    {
        if (!batch.Lists.TryGetValue(listId, out var list))
        {
            list = _lists[listId].Copy();
            batch.Lists[listId] = list;
        }

        return list;
    }

    private bool TryGetBlock(Batch batch, string key, out RevocationAction action)
    {
        if (batch.Blocks.TryGetValue(key, out var staged))
        {
            action = staged.GetValueOrDefault();
            return staged is not null;
        }

        return _blocks.TryGetValue(key, out action);
    }
}
