using ExecGov.Credentials.Verifier.Proofs;

namespace ExecGov.Credentials.Verifier.Tests.Proofs;

/// <summary>The replay memory's hand-written set, held to <see cref="HashSet{T}"/> operation by operation.</summary>
public sealed class HashedKeySetTests
{
    [Fact]
    public void Add_remove_and_contains_answer_as_a_HashSet_does_under_random_operations()
    {
        // Random 128-bit keys, as the replay cache's seeded hashes are.
        AgreesWithHashSet(seed: 1, operations: 200_000, nextKey: random => RandomKey(random));
    }

    [Fact]
    public void Keys_that_share_their_home_slot_form_long_runs_that_wrap_and_still_answer_exactly()
    {
        // Every key's low bits point at one of the last four slots of the smallest table, so runs are long, cross the
        // end of the array and wrap to its start; removals in the middle of such runs exercise the backward shift.
        AgreesWithHashSet(seed: 2, operations: 20_000, nextKey: random =>
            new UInt128((ulong)random.NextInt64(), (uint)(1020 + random.Next(4)) | ((ulong)(uint)random.Next(64) << 32)));
    }

    [Fact]
    public void A_few_keys_churned_many_times_never_lose_one()
    {
        // Adds and removes of a small key space: every key is removed and added back many times at shifting places.
        AgreesWithHashSet(seed: 3, operations: 100_000, nextKey: random => new UInt128(0, (ulong)random.Next(300) * 1024));
    }

    [Fact]
    public void The_table_grows_at_three_quarters_and_keeps_every_key()
    {
        var set = new HashedKeySet();
        var random = new Random(4);
        var keys = Enumerable.Range(0, 10_000).Select(_ => RandomKey(random)).ToArray();
        foreach (var key in keys)
        {
            Assert.True(set.Add(key));
            Assert.True(set.Count <= set.Slots / 4 * 3);
        }

        Assert.Equal(16_384, set.Slots);
        Assert.All(keys, key => Assert.True(set.Contains(key)));
        Assert.All(keys, key => Assert.False(set.Add(key)));
        Assert.Equal(keys.Length, set.Count);
    }

    [Fact]
    public void Zero_is_stored_as_one_so_the_two_read_as_the_same_key()
    {
        // Zero marks an empty slot; the collision this costs can only refuse a proof, never accept a replay.
        var set = new HashedKeySet();
        Assert.True(set.Add(UInt128.Zero));
        Assert.False(set.Add(UInt128.One));
        Assert.True(set.Contains(UInt128.Zero));
        Assert.True(set.Remove(UInt128.One));
        Assert.False(set.Contains(UInt128.Zero));
        Assert.Equal(0, set.Count);
    }

    private static void AgreesWithHashSet(int seed, int operations, Func<Random, UInt128> nextKey)
    {
        var random = new Random(seed);
        var set = new HashedKeySet();
        var expected = new HashSet<UInt128>();
        for (var op = 0; op < operations; op++)
        {
            // Reuse a present key often, so removals find something and re-adds are refused.
            var key = expected.Count > 0 && random.Next(2) == 0
                ? expected.ElementAt(random.Next(Math.Min(expected.Count, 16)))
                : nextKey(random);
            switch (random.Next(10))
            {
                case < 5:
                    Assert.Equal(expected.Add(key), set.Add(key));
                    break;
                case < 9:
                    Assert.Equal(expected.Remove(key), set.Remove(key));
                    break;
                default:
                    Assert.Equal(expected.Contains(key), set.Contains(key));
                    break;
            }

            Assert.Equal(expected.Count, set.Count);
        }

        Assert.All(expected, key => Assert.True(set.Contains(key)));
    }

    private static UInt128 RandomKey(Random random) => new((ulong)random.NextInt64(), (ulong)random.NextInt64());
}
