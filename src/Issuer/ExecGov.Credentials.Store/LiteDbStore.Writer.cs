namespace ExecGov.Credentials.Store;

internal sealed partial class LiteDbStore
{
    private void WriteLoop()
    {
        var group = new List<WriteUnit>(MaxGroupSize);
        var reader = _queue.Reader;

        // A dedicated thread blocks here between groups: LiteDB binds a transaction to the thread that began it,
        // and a unit runs synchronously from BeginTrans to Commit.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (group.Count < MaxGroupSize && reader.TryRead(out var unit))
            {
                group.Add(unit);
            }

            try
            {
                CommitGroup(group);
            }
#pragma warning disable CA1031 // Fail-stop: whatever broke after a commit, memory may no longer match the disk.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A checkpoint that failed, or a hook that threw: stop taking work rather than answer from state that
                // may differ from the file; a restart recovers from the file.
                _broken = true;
                var stopped = new InvalidOperationException("The store stopped after a failed commit; nothing more is written. Restart the service.", ex);
                group.ForEach(u => u.Fail(stopped));
                _queue.Writer.TryComplete();
                while (reader.TryRead(out var left))
                {
                    left.Fail(stopped);
                }

                return;
            }

            group.Clear();
        }
    }

    /// <summary>
    /// Runs each unit in its own transaction, one after the other; then makes the committed ones durable with one
    /// checkpoint, runs their durable hooks in order and completes them. A unit that throws or discards is rolled
    /// back and answered without touching the others.
    /// </summary>
    private void CommitGroup(List<WriteUnit> group)
    {
        var committed = new List<(WriteUnit Unit, LiteDbTransaction Transaction)>(group.Count);
        var answered = new List<WriteUnit>();
        foreach (var unit in group)
        {
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A store transaction is already open on the writer thread.");
            }

            var transaction = new LiteDbTransaction(this);
            try
            {
                unit.Run(transaction);
            }
#pragma warning disable CA1031 // The unit's own failure goes to its caller; the other units go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _db.Rollback();
                unit.Fail(ex);
                continue;
            }

            if (transaction.IsDiscarded)
            {
                _db.Rollback();
                answered.Add(unit);
                continue;
            }

            _db.Commit();
            transaction.RunCommitted();
            committed.Add((unit, transaction));
        }

        if (_durable && committed.Count > 0)
        {
            _db.Checkpoint();
        }

        foreach (var (unit, transaction) in committed)
        {
            transaction.RunDurable();
            unit.Complete();
        }

        answered.ForEach(u => u.Complete());
    }
}
