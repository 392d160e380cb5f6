using System.Security.Cryptography;
using ExecGov.Credentials.Revocation.Registry;

namespace ExecGov.Credentials.Revocation.Tests.Registry;

public sealed class IndexPermutationTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(1_000)]
    [InlineData(4_096)]
    [InlineData(131_072)]
    public void Every_counter_maps_to_a_distinct_index_inside_the_list(int size)
    {
        var key = IndexPermutation.NewKey();

        var indices = Enumerable.Range(0, size).Select(counter => IndexPermutation.Map(key, size, counter)).ToList();

        Assert.Equal(Enumerable.Range(0, size), indices.Order());
    }

    [Fact]
    public void The_same_key_gives_the_same_index_and_another_key_another_order()
    {
        var key = IndexPermutation.NewKey();
        var first = Enumerable.Range(0, 1_000).Select(c => IndexPermutation.Map(key, 1_000, c)).ToList();
        var again = Enumerable.Range(0, 1_000).Select(c => IndexPermutation.Map((byte[])key.Clone(), 1_000, c)).ToList();
        var other = Enumerable.Range(0, 1_000).Select(c => IndexPermutation.Map(IndexPermutation.NewKey(), 1_000, c)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Consecutive_counters_do_not_give_neighbouring_indices()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var indices = Enumerable.Range(0, 1_000).Select(c => IndexPermutation.Map(key, 131_072, c)).ToList();

        // A sequential allocator gives 999 neighbours; a random permutation of 131,072 entries gives almost none.
        var neighbours = indices.Zip(indices.Skip(1)).Count(pair => Math.Abs(pair.First - pair.Second) == 1);
        Assert.InRange(neighbours, 0, 10);
    }

    [Fact]
    public void Without_a_key_the_index_is_the_counter_as_before_permutation_existed()
    {
        Assert.Equal([0, 1, 2, 63], new[] { 0, 1, 2, 63 }.Select(c => IndexPermutation.Map(null, 64, c)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(64)]
    public void A_counter_outside_the_list_is_a_caller_bug(int counter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndexPermutation.Map(IndexPermutation.NewKey(), 64, counter));
}
