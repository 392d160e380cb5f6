using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// An in-process replay cache. Expired ids are swept at most once per second by the caller that notices;
/// when the configured maximum is reached even after a sweep, new proofs are refused rather than old ids
/// forgotten early (forgetting early would let a replay through).
/// </summary>
public sealed class MemoryProofReplayCache : IProofReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private long _nextSweepTicks;

    // Our own count: ConcurrentDictionary.Count takes every lock, and its lock array grows with the table,
    // which made Count the most expensive step of a verification.
    private int _count;

    /// <summary>Creates the cache with the capacity from <see cref="CredentialVerifierOptions.MaxRememberedProofs"/>.</summary>
    public MemoryProofReplayCache(IOptions<CredentialVerifierOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = options.Value.MaxRememberedProofs;
        _time = time;
    }

    /// <summary>How many ids are remembered now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public bool TryRecord(string proofId, DateTimeOffset forgetAfter)
    {
        ArgumentNullException.ThrowIfNull(proofId);
        var now = _time.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref _nextSweepTicks) || Count >= _capacity)
        {
            Sweep(now);
        }

        if (Count >= _capacity)
        {
            return false;
        }

        if (_seen.TryAdd(proofId, forgetAfter))
        {
            Interlocked.Increment(ref _count);
            return true;
        }

        // Present: a replay, unless the old entry has expired and no sweep has removed it yet. Even then
        // the proof itself is outside its window, so refusing is right either way.
        return false;
    }

    private void Sweep(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerSecond);
        foreach (var (id, forgetAfter) in _seen)
        {
            if (forgetAfter < now && _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, forgetAfter)))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
