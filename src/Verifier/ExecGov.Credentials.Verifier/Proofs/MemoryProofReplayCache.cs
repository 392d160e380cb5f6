using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// An in-process replay cache: a set of (key thumbprint, proof id) pairs and a queue in arrival order from
/// which expired pairs are dropped. When the configured maximum is reached even after dropping, new proofs
/// are refused rather than old ids forgotten early (forgetting early would let a replay through).
/// </summary>
/// <remarks>
/// Proofs arrive in roughly the order they expire (expiry is <c>iat</c> plus a constant), so dropping from
/// the head of the queue until the first live entry keeps the set close to the live proofs at O(1) per call,
/// without the periodic full sweep a dictionary of expiry times needs. An entry behind a live head may be
/// remembered a little past its expiry; that only costs memory, and such a proof is outside its
/// acceptance window anyway. One lock guards both structures: the work under it is a hash lookup.
/// </remarks>
public sealed class MemoryProofReplayCache : IProofReplayCache
{
    private readonly Lock _gate = new();
    private readonly HashSet<ProofKey> _seen = [];
    private readonly Queue<(ProofKey Key, long ForgetAfterTicks)> _order = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;

    /// <summary>Creates the cache with the capacity from <see cref="CredentialVerifierOptions.MaxRememberedProofs"/>.</summary>
    public MemoryProofReplayCache(IOptions<CredentialVerifierOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = options.Value.MaxRememberedProofs;
        _time = time;
    }

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <inheritdoc />
    public bool TryRecord(string keyThumbprint, string proofId, DateTimeOffset forgetAfter)
    {
        ArgumentNullException.ThrowIfNull(keyThumbprint);
        ArgumentNullException.ThrowIfNull(proofId);
        var key = new ProofKey(keyThumbprint, proofId);
        var nowTicks = _time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            while (_order.TryPeek(out var head) && head.ForgetAfterTicks < nowTicks)
            {
                _order.Dequeue();
                _seen.Remove(head.Key);
            }

            // Full: refuse rather than forget a proof early. Present (Add says false): a replay, even if its time
            // has passed and it was not dropped yet (the proof itself is then outside its window, so refusing is
            // right either way). One Add, not Contains then Add: the key's two strings are hashed once.
            if (_seen.Count >= _capacity || !_seen.Add(key))
            {
                return false;
            }

            _order.Enqueue((key, forgetAfter.UtcTicks));
            return true;
        }
    }

    /// <summary>A proof id scoped to its key; a struct, so recording a proof allocates no combined string.</summary>
    private readonly record struct ProofKey(string KeyThumbprint, string ProofId);
}
