using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Remembers credentials whose signature verified, keyed by SHA-256 of the token, so a credential presented
/// again costs no second signature check. Bounded; entries are never used past the credential's <c>exp</c>
/// (the claims checks still run on every use, and so do scope, proof and revocation).
/// </summary>
internal sealed class VerifiedCredentialCache(int capacity)
{
    private readonly ConcurrentDictionary<HashKey, VerifiedCredential> _entries = new();

    // Approximate under races, which is enough for a bound; ConcurrentDictionary.Count takes every lock.
    private int _count;

    public bool TryGet(ReadOnlySpan<byte> hash, out VerifiedCredential? credential)
    {
        credential = null;
        return capacity > 0 && _entries.TryGetValue(HashKey.From(hash), out credential);
    }

    public void Add(ReadOnlySpan<byte> hash, VerifiedCredential credential, long nowUnixSeconds)
    {
        if (capacity == 0)
        {
            return;
        }

        if (Volatile.Read(ref _count) >= capacity)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Claims.Expires <= nowUnixSeconds && _entries.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            // Still full of live credentials: start over rather than grow; the cost is one signature each.
            if (Volatile.Read(ref _count) >= capacity)
            {
                _entries.Clear();
                Volatile.Write(ref _count, 0);
            }
        }

        if (_entries.TryAdd(HashKey.From(hash), credential))
        {
            Interlocked.Increment(ref _count);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct HashKey(ulong A, ulong B, ulong C, ulong D)
    {
        public static HashKey From(ReadOnlySpan<byte> hash) => MemoryMarshal.Read<HashKey>(hash);
    }
}
