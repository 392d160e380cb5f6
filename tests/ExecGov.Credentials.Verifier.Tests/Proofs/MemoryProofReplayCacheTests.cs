using ExecGov.Credentials.Verifier.Proofs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Verifier.Tests.Proofs;

/// <summary>The replay memory: each proof once, remembered until it could no longer be accepted, full means refuse.</summary>
public sealed class MemoryProofReplayCacheTests
{
    private const string KeyA = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    private const string KeyB = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryRecord_accepts_a_proof_id_once()
    {
        var cache = NewCache();
        Assert.True(cache.TryRecord(KeyA, "p1", _time.GetUtcNow().AddMinutes(2)));
        Assert.False(cache.TryRecord(KeyA, "p1", _time.GetUtcNow().AddMinutes(2)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryRecord_scopes_ids_to_the_holder_key()
    {
        var cache = NewCache();
        Assert.True(cache.TryRecord(KeyA, "same-id", _time.GetUtcNow().AddMinutes(2)));
        Assert.True(cache.TryRecord(KeyB, "same-id", _time.GetUtcNow().AddMinutes(2)));
    }

    [Fact]
    public void TryRecord_keeps_pairs_apart_whose_strings_join_to_the_same_text()
    {
        // The set remembers a hash of each pair: the boundary between key and id must be part of what is hashed.
        var cache = NewCache();
        Assert.True(cache.TryRecord(KeyA + "x", "p1", _time.GetUtcNow().AddMinutes(2)));
        Assert.True(cache.TryRecord(KeyA, "xp1", _time.GetUtcNow().AddMinutes(2)));
        Assert.False(cache.TryRecord(KeyA, "xp1", _time.GetUtcNow().AddMinutes(2)));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void TryRecord_remembers_long_ids_exactly()
    {
        // Longer pairs take the heap buffer instead of the stack one; the answer must not change.
        var cache = NewCache();
        var longId = new string('a', 600);
        Assert.True(cache.TryRecord(KeyA, longId, _time.GetUtcNow().AddMinutes(2)));
        Assert.False(cache.TryRecord(KeyA, longId, _time.GetUtcNow().AddMinutes(2)));
        Assert.True(cache.TryRecord(KeyA, longId + "b", _time.GetUtcNow().AddMinutes(2)));
    }

    [Fact]
    public void TryRecord_still_refuses_a_replay_until_its_forget_time_has_passed()
    {
        var cache = NewCache();
        var forgetAfter = _time.GetUtcNow().AddSeconds(121);
        Assert.True(cache.TryRecord(KeyA, "p1", forgetAfter));
        _time.Advance(TimeSpan.FromSeconds(121));
        Assert.False(cache.TryRecord(KeyA, "p1", forgetAfter));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cache.TryRecord(KeyA, "p2", _time.GetUtcNow().AddSeconds(121)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryRecord_refuses_new_proofs_when_full_of_live_ids_and_accepts_again_once_they_expire()
    {
        var cache = NewCache(capacity: 1000);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(cache.TryRecord(KeyA, $"p{i}", _time.GetUtcNow().AddSeconds(60)));
        }

        // Forgetting a live id early would let its replay through: refuse instead (fail closed).
        Assert.False(cache.TryRecord(KeyA, "one-more", _time.GetUtcNow().AddSeconds(60)));
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(cache.TryRecord(KeyA, "one-more", _time.GetUtcNow().AddSeconds(60)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Record_gives_each_holder_key_its_own_share_and_frees_it_as_proofs_expire()
    {
        var cache = NewCache(capacity: 1000, perHolder: 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(ProofRecordOutcome.Recorded, cache.Record(KeyA, $"p{i}", _time.GetUtcNow().AddSeconds(60)));
        }

        Assert.Equal(ProofRecordOutcome.QuotaExceeded, cache.Record(KeyA, "p10", _time.GetUtcNow().AddSeconds(60)));
        Assert.Equal(ProofRecordOutcome.Recorded, cache.Record(KeyB, "p0", _time.GetUtcNow().AddSeconds(60)));
        Assert.Equal(ProofRecordOutcome.Replayed, cache.Record(KeyB, "p0", _time.GetUtcNow().AddSeconds(60)));
        Assert.Equal(10, cache.CountFor(KeyA));
        Assert.Equal(1, cache.CountFor(KeyB));

        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(ProofRecordOutcome.Recorded, cache.Record(KeyA, "p10", _time.GetUtcNow().AddSeconds(60)));
        Assert.Equal(1, cache.CountFor(KeyA));
        Assert.Equal(0, cache.CountFor(KeyB));
    }

    private MemoryProofReplayCache NewCache(int capacity = 1_000_000, int perHolder = 10_000) =>
        new(Options.Create(new CredentialVerifierOptions { MaxRememberedProofs = capacity, MaxRememberedProofsPerHolder = perHolder }), _time);
}
