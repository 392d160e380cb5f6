using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// An in-process replay cache: a set of (key thumbprint, proof id) pairs and a queue in arrival order from
/// which expired pairs are dropped. When the configured maximum is reached even after dropping, new proofs
/// are refused rather than old ids forgotten early (forgetting early would let a replay through). Each holder key
/// may hold at most <see cref="CredentialVerifierOptions.MaxRememberedProofsPerHolder"/> of them, so one holder
/// flooding the verifier is refused (<see cref="ProofRecordOutcome.QuotaExceeded"/>) long before the others are.
/// </summary>
/// <remarks>
/// <para>
/// Proofs arrive in roughly the order they expire (expiry is <c>iat</c> plus a constant), so dropping from
/// the head of the queue until the first live entry keeps the set close to the live proofs at O(1) per call,
/// without the periodic full sweep a dictionary of expiry times needs. An entry behind a live head may be
/// remembered a little past its expiry; that only costs memory, and such a proof is outside its
/// acceptance window anyway. One lock guards both structures: the work under it is a hash lookup in
/// <see cref="HashedKeySet"/>, an open-addressing table whose probes usually stay in one cache line, where a
/// <see cref="HashSet{T}"/> goes from a bucket array into linked entries (137 against 223 ns per record at 200,000
/// live proofs; docs/benchmarks.md).
/// </para>
/// <para>
/// A pair is remembered as a 128-bit XxHash128 of the two strings under a seed drawn at random for each cache, not as
/// the strings: the set then holds no references, so the garbage collector neither scans it nor keeps a proof's id
/// alive (and copies it through its generations) for the minutes the proof is remembered, and a remembered proof takes
/// about 67 bytes instead of the 152 the two strings took, which matters at a million of them (docs/benchmarks.md;
/// measured before each queue entry also carried its holder's 8-byte hash for the per-holder share: about 75 now).
/// Two different pairs with the same hash can only make the later one read as a replay, a deny (fail closed): never an
/// allow. With the random seed, ids chosen by one agent cannot be aimed at another's, and at the default million
/// remembered proofs the chance that a fresh proof is refused this way is below 2^-108.
/// </para>
/// </remarks>
public sealed class MemoryProofReplayCache : IProofReplayCache
{
    private readonly Lock _gate = new();
    private readonly HashedKeySet _seen = new();
    private readonly Queue<(UInt128 Key, long ForgetAfterTicks, ulong Holder)> _order = new();

    // Live proofs per holder key, by a seeded 64-bit hash of its thumbprint (two holders sharing a hash share a quota:
    // a deny at worst). Holds only holders with live proofs, so it is bounded by the number of remembered proofs.
    private readonly Dictionary<ulong, int> _perHolder = [];
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly int _perHolderCapacity;
    private readonly long _seed = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(long)));

    /// <summary>Creates the cache with the capacity from <see cref="CredentialVerifierOptions.MaxRememberedProofs"/>.</summary>
    public MemoryProofReplayCache(IOptions<CredentialVerifierOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = Math.Min(options.Value.MaxRememberedProofs, HashedKeySet.MaxCount);
        _perHolderCapacity = Math.Clamp(options.Value.MaxRememberedProofsPerHolder, 1, _capacity);
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

    /// <summary>How many ids of the holder key <paramref name="keyThumbprint"/> are remembered now.</summary>
    public int CountFor(string keyThumbprint)
    {
        ArgumentNullException.ThrowIfNull(keyThumbprint);
        var holder = Holder(keyThumbprint);
        lock (_gate)
        {
            return _perHolder.GetValueOrDefault(holder);
        }
    }

    /// <inheritdoc />
    public bool TryRecord(string keyThumbprint, string proofId, DateTimeOffset forgetAfter) =>
        Record(keyThumbprint, proofId, forgetAfter) == ProofRecordOutcome.Recorded;

    /// <inheritdoc />
    public ProofRecordOutcome Record(string keyThumbprint, string proofId, DateTimeOffset forgetAfter)
    {
        ArgumentNullException.ThrowIfNull(keyThumbprint);
        ArgumentNullException.ThrowIfNull(proofId);
        var key = Key(keyThumbprint, proofId);
        var holder = Holder(keyThumbprint);
        var nowTicks = _time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            while (_order.TryPeek(out var head) && head.ForgetAfterTicks < nowTicks)
            {
                _order.Dequeue();
                _seen.Remove(head.Key);
                Forget(head.Holder);
            }

            // Full, in total or for this holder: refuse rather than forget a proof early.
            if (_seen.Count >= _capacity)
            {
                return ProofRecordOutcome.QuotaExceeded;
            }

            ref var live = ref CollectionsMarshal.GetValueRefOrAddDefault(_perHolder, holder, out var known);
            if (live >= _perHolderCapacity)
            {
                return ProofRecordOutcome.QuotaExceeded;
            }

            // Present (Add says false): a replay, even if its time has passed and it was not dropped yet (the proof
            // itself is then outside its window, so refusing is right either way). One Add, not Contains then Add.
            if (!_seen.Add(key))
            {
                if (!known)
                {
                    _perHolder.Remove(holder);
                }

                return ProofRecordOutcome.Replayed;
            }

            live++;
            _order.Enqueue((key, forgetAfter.UtcTicks, holder));
            return ProofRecordOutcome.Recorded;
        }
    }

    private void Forget(ulong holder)
    {
        ref var live = ref CollectionsMarshal.GetValueRefOrNullRef(_perHolder, holder);
        if (!Unsafe.IsNullRef(ref live) && --live <= 0)
        {
            _perHolder.Remove(holder);
        }
    }

    private ulong Holder(string keyThumbprint) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(keyThumbprint.AsSpan()), _seed);

    /// <summary>
    /// The pair's 128-bit hash. The thumbprint's length goes first, so no two pairs hash the same text ("ab" + "c" and
    /// "a" + "bc" differ); the strings are hashed as their UTF-16 bytes, without transcoding.
    /// </summary>
    private UInt128 Key(string keyThumbprint, string proofId)
    {
        var thumbprint = MemoryMarshal.AsBytes(keyThumbprint.AsSpan());
        var id = MemoryMarshal.AsBytes(proofId.AsSpan());
        var length = sizeof(int) + thumbprint.Length + id.Length;

        // One call over one buffer: the incremental XxHash128 is a class with a few hundred bytes of state per use.
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, keyThumbprint.Length);
        thumbprint.CopyTo(buffer[sizeof(int)..]);
        id.CopyTo(buffer[(sizeof(int) + thumbprint.Length)..]);
        return XxHash128.HashToUInt128(buffer, _seed);
    }
}
