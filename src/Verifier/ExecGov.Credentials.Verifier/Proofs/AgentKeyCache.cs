using System.Collections.Concurrent;
using NSec.Cryptography;

namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// Remembers recently seen proof headers that passed the header checks, with the agent key they carry (imported)
/// and its RFC 7638 thumbprint. An agent sends the same header on every call (same <c>typ</c>, <c>alg</c> and
/// <c>jwk</c>), so decoding it, importing the key and hashing the thumbprint would otherwise be redone per proof.
/// Looked up by the header segment without allocating. Bounded; a full cache starts over. The proof's signature
/// is still verified with the key on every call.
/// </summary>
internal sealed class AgentKeyCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, AgentKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgentKey>.AlternateLookup<ReadOnlySpan<char>> _byHeader;
    private int _count;

    public AgentKeyCache(int capacity)
    {
        _capacity = capacity;
        _byHeader = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The key of a header segment seen before, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> headerSegment, out AgentKey? key) => _byHeader.TryGetValue(headerSegment, out key);

    /// <summary>Remembers the key of a header segment that passed every header check.</summary>
    public void Add(ReadOnlySpan<char> headerSegment, AgentKey key)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            _keys.Clear();
            Volatile.Write(ref _count, 1);
        }

        _byHeader.TryAdd(headerSegment, key);
    }

    /// <summary>An imported agent public key and its thumbprint.</summary>
    internal sealed record AgentKey(PublicKey Key, string Thumbprint);
}
