namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// The committed events kept for replay (the newest <see cref="RevocationOptions.EventRetention"/>), the
/// newest event id and every list's version as of that id, changed together under one lock so that a
/// <c>hello</c> never pairs an id with versions from a different moment. Subscribers wait on
/// <see cref="WaitForNewerAsync"/> and then read from here, so a slow subscriber never holds events of its
/// own and never blocks the writer: it only falls behind, and past the retention it gets a reset.
/// </summary>
internal sealed class EventLog
{
    private readonly Lock _gate = new();
    private readonly int _retention;
    private readonly TimeProvider _time;
    private readonly List<StoredEvent> _events = [];
    private readonly SortedDictionary<int, long> _versions = [];
    private int _head;
    private long _lastId;
    private TaskCompletionSource _appended = NewSignal();

    public EventLog(int retention, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retention);
        _retention = retention;
        _time = time;
    }

    public long LastId
    {
        get
        {
            lock (_gate)
            {
                return _lastId;
            }
        }
    }

    /// <summary>Sets the state recovered from the store (start-up, before any subscriber).</summary>
    public void Initialize(IEnumerable<StoredEvent> retained, long lastId, IEnumerable<KeyValuePair<int, long>> versions)
    {
        lock (_gate)
        {
            _events.Clear();
            _head = 0;
            _events.AddRange(retained.OrderBy(e => e.Id));
            _lastId = lastId;
            _versions.Clear();
            foreach (var (listId, version) in versions)
            {
                _versions[listId] = version;
            }

            Prune();
        }
    }

    /// <summary>Appends committed events (ids must continue the sequence) and wakes every subscriber.</summary>
    public void Append(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        TaskCompletionSource signal;
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (e.Id != _lastId + 1)
                {
                    throw new InvalidOperationException($"Event {e.Id} does not follow {_lastId}; event ids are gap-free.");
                }

                _events.Add(e);
                _lastId = e.Id;
                if (e.Kind != EventKind.KeyWithdrawn)
                {
                    _versions[e.ListId] = e.Version;
                }
            }

            Prune();
            signal = _appended;
            _appended = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>The newest event id and every list's version as of it.</summary>
    public (long LastId, IReadOnlyList<KeyValuePair<int, long>> Versions) Snapshot()
    {
        lock (_gate)
        {
            return (_lastId, _versions.ToList());
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> events after <paramref name="afterId"/>. <c>Gap</c> is true when events
    /// right after <paramref name="afterId"/> are no longer retained, or when it is beyond the newest id
    /// (a client that knew a different store): the client must refetch its lists.
    /// </summary>
    public (IReadOnlyList<StoredEvent> Events, bool Gap, long LastId) ReadAfter(long afterId, int max)
    {
        lock (_gate)
        {
            if (afterId > _lastId)
            {
                return ([], true, _lastId);
            }

            if (afterId == _lastId)
            {
                return ([], false, _lastId);
            }

            var oldest = _head < _events.Count ? _events[_head].Id : _lastId + 1;
            if (afterId + 1 < oldest)
            {
                return ([], true, _lastId);
            }

            // Ids are gap-free, so the position follows from the id.
            var start = _head + checked((int)(afterId + 1 - oldest));
            var count = Math.Min(max, _events.Count - start);
            return (_events.GetRange(start, count), false, _lastId);
        }
    }

    /// <summary>Waits until an event newer than <paramref name="afterId"/> exists (true) or <paramref name="timeout"/> passes (false).</summary>
    public async Task<bool> WaitForNewerAsync(long afterId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (_lastId > afterId)
            {
                return true;
            }

            signal = _appended.Task;
        }

        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, _time, delayCancellation.Token);
        var first = await Task.WhenAny(signal, delay).ConfigureAwait(false);
        await delayCancellation.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == signal;
    }

    private void Prune()
    {
        var live = _events.Count - _head;
        if (live <= _retention)
        {
            return;
        }

        _head += live - _retention;

        // Compact only now and then, so pruning costs O(1) amortised per event.
        if (_head > _retention)
        {
            _events.RemoveRange(0, _head);
            _head = 0;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
