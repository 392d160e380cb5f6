using System.Collections.Concurrent;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Remembers credentials whose signature verified, so a credential presented again costs no second signature
/// check and no second hash. Looked up by the token's signature segment without allocating (a span lookup), and
/// a hit counts only when the whole token is equal, character for character, to the one that verified.
/// Bounded; entries are never used past the credential's <c>exp</c> (the claims checks still run on every use,
/// and so do scope, proof and revocation).
/// </summary>
internal sealed class VerifiedCredentialCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, VerifiedCredential> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VerifiedCredential>.AlternateLookup<ReadOnlySpan<char>> _bySignature;

    // Approximate under races, which is enough for a bound; ConcurrentDictionary.Count takes every lock.
    private int _count;

    public VerifiedCredentialCache(int capacity)
    {
        _capacity = capacity;
        _bySignature = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The remembered credential for <paramref name="token"/>, whose signature segment starts after <paramref name="secondDot"/>.</summary>
    public bool TryGet(string token, int secondDot, out VerifiedCredential? credential)
    {
        credential = null;
        if (_capacity == 0 || !_bySignature.TryGetValue(token.AsSpan(secondDot + 1), out var found) ||
            !string.Equals(found.Token, token, StringComparison.Ordinal))
        {
            return false;
        }

        credential = found;
        return true;
    }

    public void Add(int secondDot, VerifiedCredential credential, long nowUnixSeconds)
    {
        if (_capacity == 0)
        {
            return;
        }

        if (Volatile.Read(ref _count) >= _capacity)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Claims.Expires <= nowUnixSeconds && _entries.TryRemove(key, out _))
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

        // A different token with the same signature segment would replace nothing: TryAdd keeps the first,
        // and TryGet's full comparison makes the other token take the slow path every time.
        if (_entries.TryAdd(credential.Token[(secondDot + 1)..], credential))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
