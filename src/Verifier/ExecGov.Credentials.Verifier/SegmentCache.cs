using System.Collections.Concurrent;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Remembers what was learnt from a token segment that passed its checks, looked up by the segment's text without
/// allocating: the JOSE header of a credential (the same for every credential an issuer key signs) and of a holder
/// proof (the same on every call of an agent). Decoding, parsing and checking such a header again would redo work
/// whose answer cannot change, because the answer depends on nothing but the segment's text. Bounded; a full cache
/// starts over. Signatures are still verified on every call: only header checks are skipped.
/// </summary>
/// <typeparam name="TValue">What the checks produced (a key id, an imported agent key).</typeparam>
internal sealed class SegmentCache<TValue>
    where TValue : class
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _bySegment;
    private int _count;

    public SegmentCache(int capacity)
    {
        _capacity = capacity;
        _bySegment = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What was remembered for a segment seen before, if anything.</summary>
    public bool TryGet(ReadOnlySpan<char> segment, out TValue? value) => _bySegment.TryGetValue(segment, out value);

    /// <summary>Remembers <paramref name="value"/> for a segment that passed every check.</summary>
    public void Add(ReadOnlySpan<char> segment, TValue value)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            _values.Clear();
            Volatile.Write(ref _count, 1);
        }

        _bySegment.TryAdd(segment, value);
    }
}
