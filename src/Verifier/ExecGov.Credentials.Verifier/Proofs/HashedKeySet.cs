namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// A set of uniformly distributed 128-bit keys stored inline in one array: open addressing with linear probing,
/// deletion by backward shift (Knuth, TAOCP vol. 3, §6.4, Algorithm R), so there are no tombstones to clean up.
/// Not thread-safe; the owner locks.
/// </summary>
/// <remarks>
/// Written by hand because <see cref="HashSet{T}"/> keeps a separate bucket array and a linked entry array: at the
/// replay memory's size (hundreds of thousands of keys, far beyond the CPU caches) an add or a remove there goes from
/// the bucket array into the linked entries, a cache miss at each step. Here the key is its own hash (a seeded
/// XxHash128), a lookup starts at the slot its low bits pick, and the run it walks is usually within one cache line
/// (a record at 200,000 live proofs: 137 against 223 ns; docs/benchmarks.md). The table grows by doubling at
/// three-quarters full and never shrinks, as <see cref="HashSet{T}"/> never did. Zero marks an empty slot, so the key
/// zero is stored as one: the two then read as the same key, which for a replay memory can only refuse a fresh proof
/// (fail closed).
/// </remarks>
internal sealed class HashedKeySet
{
    /// <summary>The most keys the set holds: three quarters of the largest power-of-two array .NET allows.</summary>
    public const int MaxCount = (1 << 30) / 4 * 3;

    private const int InitialSlots = 1024;

    private UInt128[] _slots = new UInt128[InitialSlots];
    private int _growAt = InitialSlots / 4 * 3;

    /// <summary>How many keys the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>How many slots the table has now (for tests of growth).</summary>
    internal int Slots => _slots.Length;

    /// <summary>
    /// Adds <paramref name="key"/>; false when it is already present or the set holds <see cref="MaxCount"/> keys.
    /// </summary>
    public bool Add(UInt128 key)
    {
        key = Stored(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Home(key, mask);
        while (slots[i] != UInt128.Zero)
        {
            if (slots[i] == key)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        if (Count == _growAt)
        {
            if (slots.Length == 1 << 30)
            {
                return false;
            }

            Grow();
            return Add(key);
        }

        slots[i] = key;
        Count++;
        return true;
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool Contains(UInt128 key) => Find(Stored(key)) >= 0;

    /// <summary>Removes <paramref name="key"/>; false when it was not present.</summary>
    public bool Remove(UInt128 key)
    {
        var hole = Find(Stored(key));
        if (hole < 0)
        {
            return false;
        }

        // Backward shift: walk the run after the hole and move back every key whose home slot is not between the
        // hole and where it sits, so that every key stays reachable from its home without crossing an empty slot.
        var slots = _slots;
        var mask = slots.Length - 1;
        var j = hole;
        while (true)
        {
            j = (j + 1) & mask;
            var candidate = slots[j];
            if (candidate == UInt128.Zero)
            {
                break;
            }

            var home = Home(candidate, mask);
            if (((j - home) & mask) >= ((j - hole) & mask))
            {
                slots[hole] = candidate;
                hole = j;
            }
        }

        slots[hole] = UInt128.Zero;
        Count--;
        return true;
    }

    private static UInt128 Stored(UInt128 key) => key == UInt128.Zero ? UInt128.One : key;

    // The keys are seeded hashes, uniform in every bit, so their low bits are as good a slot as any mix of them.
    private static int Home(UInt128 key, int mask) => (int)(unchecked((ulong)key) & (uint)mask);

    private int Find(UInt128 key)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Home(key, mask); slots[i] != UInt128.Zero; i = (i + 1) & mask)
        {
            if (slots[i] == key)
            {
                return i;
            }
        }

        return -1;
    }

    private void Grow()
    {
        var old = _slots;
        var slots = new UInt128[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var key in old)
        {
            if (key == UInt128.Zero)
            {
                continue;
            }

            var i = Home(key, mask);
            while (slots[i] != UInt128.Zero)
            {
                i = (i + 1) & mask;
            }

            slots[i] = key;
        }

        _slots = slots;
        _growAt = slots.Length / 4 * 3;
    }
}
