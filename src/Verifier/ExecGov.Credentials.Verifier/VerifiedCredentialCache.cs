using System.Buffers.Binary;
using System.Collections.Concurrent;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Remembers credentials whose signature verified, so a credential presented again costs no second signature
/// check and no second hash. Looked up by the first 128 bits of the token's signature, without allocating, and a
/// hit counts only when the whole token is equal, character for character, to the one that verified. (Only
/// verified credentials are added, so nobody without an issuer's key chooses the keys: no collision flooding.)
/// Bounded; entries are never used past the credential's <c>exp</c> (the claims checks still run on every use,
/// and so do scope, proof and revocation).
/// </summary>
/// <remarks>
/// A credential is remembered on its second verification, not its first: the first only leaves its 16-byte key
/// in a "seen once" table (a doorkeeper, as in TinyLFU caches). Credentials used once (one per action is the
/// strictest way to issue them) then never enter the cache, so they neither push out credentials that do come
/// back nor make the garbage collector copy their claims out of the young generation, which measured as the
/// largest cost of a fresh verification after its two signatures (docs/benchmarks.md). The price is one more
/// signature check on a credential's second presentation. The doorkeeper is a direct-mapped table of
/// <c>capacity</c> keys without a lock: a first sighting is forgotten when another credential's key lands in its slot
/// (so, as with any bounded doorkeeper, a credential seen again only after many others may stay unadmitted), and a
/// race or a torn write can at worst admit a verified credential a sighting early or late. Written by hand: the
/// chosen libraries have no cache with an admission policy.
/// </remarks>
internal sealed class VerifiedCredentialCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<UInt128, VerifiedCredential> _entries = new();
    private readonly UInt128[] _seenOnce;

    // Approximate under races, which is enough for a bound; ConcurrentDictionary.Count takes every lock.
    private int _count;

    public VerifiedCredentialCache(int capacity)
    {
        _capacity = capacity;
        _seenOnce = new UInt128[capacity];
    }

    /// <summary>The remembered credential for <paramref name="token"/>, whose signature segment starts after <paramref name="secondDot"/>.</summary>
    public bool TryGet(string token, int secondDot, out VerifiedCredential? credential)
    {
        credential = null;
        if (_capacity == 0 || !TryKey(token, secondDot, out var key) || !_entries.TryGetValue(key, out var found) ||
            !string.Equals(found.Token, token, StringComparison.Ordinal))
        {
            return false;
        }

        credential = found;
        return true;
    }

    /// <summary>
    /// Records that <paramref name="credential"/> verified: the first time only its key is kept, the second time it
    /// is remembered for <see cref="TryGet"/>.
    /// </summary>
    public void Add(string token, int secondDot, VerifiedCredential credential, long nowUnixSeconds)
    {
        if (_capacity == 0 || !TryKey(token, secondDot, out var key))
        {
            return;
        }

        // The key is the start of an Ed25519 signature, uniformly distributed: its low 64 bits pick the slot.
        ref var seen = ref _seenOnce[(int)(unchecked((ulong)key) % (ulong)_seenOnce.Length)];
        if (seen != key)
        {
            seen = key;
            return;
        }

        seen = default;

        if (Volatile.Read(ref _count) >= _capacity)
        {
            foreach (var (remembered, entry) in _entries)
            {
                if (entry.Claims.Expires <= nowUnixSeconds && _entries.TryRemove(remembered, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            // Still full of live credentials: start over rather than grow; the cost is one signature each.
            if (Volatile.Read(ref _count) >= _capacity)
            {
                _entries.Clear();
                Volatile.Write(ref _count, 0);
            }
        }

        // A different token with the same signature prefix would replace nothing: TryAdd keeps the first,
        // and TryGet's full comparison makes the other token take the slow path every time.
        if (_entries.TryAdd(key, credential))
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>The first 16 bytes of the signature: its first 24 characters decode to 18 bytes exactly.</summary>
    private static bool TryKey(ReadOnlySpan<char> token, int secondDot, out UInt128 key)
    {
        Span<byte> prefix = stackalloc byte[18];
        key = default;
        if (token.Length - secondDot - 1 < 24 || !Base64UrlStrict.TryDecode(token.Slice(secondDot + 1, 24), prefix, out var written) || written != 18)
        {
            return false;
        }

        key = BinaryPrimitives.ReadUInt128LittleEndian(prefix);
        return true;
    }
}
