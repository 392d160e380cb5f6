using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Revocation.Storage;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    private void WriteLoop()
    {
        var batch = new List<WriteWork>(_options.MaxBatchSize);
        var reader = _queue.Reader;

        // A dedicated thread blocks here between batches: LiteDB transactions are bound to a thread, and a
        // batch runs synchronously from BeginTrans to the checkpoint.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            try
            {
                ProcessBatch(batch);
            }
#pragma warning disable CA1031 // Fail-stop: whatever broke after a commit, memory may no longer match the disk.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Only a defect gets here (ProcessBatch handles store failures itself). Stop taking work rather
                // than answer from state that may differ from the store; a restart recovers from the store.
                _broken = true;
                RevocationLog.WriterStopped(_logger, ex.GetType().Name, ex);
                var stopped = new InvalidOperationException("The revocation registry stopped after an internal error; restart the service.", ex);
                batch.ForEach(w => w.Fail(stopped));
                _queue.Writer.TryComplete();
                while (reader.TryRead(out var left))
                {
                    left.Fail(stopped);
                }

                return;
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Runs every item of <paramref name="works"/> in one transaction, commits it durably, then updates the
    /// committed state, re-signs the changed lists, appends the events and completes the items. When anything
    /// fails before the commit returns, the transaction is rolled back and every item fails: none of them was
    /// acknowledged.
    /// </summary>
    private void ProcessBatch(List<WriteWork> works)
    {
        var batch = new Batch(_lastEventId, _lastActId, _currentListId, _time.GetUtcNow());
        var followUps = new List<FollowUp>();
        while (_followUps.TryDequeue(out var followUp))
        {
            followUps.Add(followUp);
        }

        long prunedThrough;
        try
        {
            _store.BeginTransaction();
            try
            {
                foreach (var followUp in followUps)
                {
                    RecordFollowUp(followUp);
                }

                foreach (var work in works)
                {
                    batch.Completions.Add(work switch
                    {
                        AllocationWork allocation => Allocate(batch, allocation),
                        ActWork act => Apply(batch, act),
                        StartListWork start => StartFirstList(batch, start),
                        _ => throw new InvalidOperationException($"Unknown work {work.GetType().Name}."),
                    });
                }

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

                prunedThrough = Prune(batch);
                _store.CommitDurably();
            }
            catch
            {
                _store.Rollback();
                throw;
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch reached the disk as far as anyone was told: fail every item, keep the
            // follow-ups for the next batch, leave the committed state as it was.
            RevocationLog.BatchFailed(_logger, works.Count, ex.GetType().Name, ex);
            foreach (var followUp in followUps)
            {
                _followUps.Enqueue(followUp);
            }

            foreach (var work in works)
            {
                work.Fail(new InvalidOperationException("The revocation store could not commit; nothing was changed. See the server log.", ex));
            }

            return;
        }

        // Durable. Now memory follows the disk.
        _lastEventId = batch.LastEventId;
        _lastActId = batch.LastActId;
        _currentListId = batch.CurrentListId;
        _prunedThrough = prunedThrough;
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

        foreach (var id in batch.NewLists)
        {
            _publisher.AddList(id, _lists[id].Size);
            RevocationLog.ListStarted(_logger, id, _lists[id].Size);
        }

        foreach (var (listId, index, status) in batch.EntryChanges)
        {
            _publisher.Entries(listId).Set(index, status);
        }

        // Lists are re-signed before their events go out, so a verifier that refetches on an event gets at
        // least that version.
        foreach (var id in batch.NewLists.Union(batch.ChangedLists).Order())
        {
            _publisher.Publish(id, _lists[id].Version);
        }

        _events.Append(batch.Events);
        foreach (var complete in batch.Completions)
        {
            complete();
        }
    }

    private void RecordFollowUp(FollowUp followUp)
    {
        var act = _store.Acts.FindById(followUp.ActId);
        if (act is null)
        {
            return;
        }

        act.Audited |= followUp.Audited;
        if (act.KeyWithdrawn is not null)
        {
            act.KeyWithdrawn |= followUp.KeyWithdrawn;
        }

        _store.Acts.Update(act);
    }

    /// <summary>Deletes events past the retention, in steps of an eighth of it so pruning is rare.</summary>
    private long Prune(Batch batch)
    {
        var retention = _options.EventRetention;
        var keepFrom = batch.LastEventId - retention;
        if (keepFrom - _prunedThrough < Math.Max(1, retention / 8))
        {
            return _prunedThrough;
        }

        _store.Events.DeleteMany(e => e.Id <= keepFrom);
        RevocationLog.EventsPruned(_logger, keepFrom);
        return keepFrom;
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

    private Action StartFirstList(Batch batch, StartListWork work)
    {
        StartList(batch);
        return () => work.Completion.TrySetResult();
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
