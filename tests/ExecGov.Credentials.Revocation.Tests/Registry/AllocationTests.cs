using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Tests.Registry;

public sealed class AllocationTests : IDisposable
{
    private readonly RegistryHarness _harness = new();

    [Fact]
    public async Task Allocate_hands_out_every_index_of_list_1_once_in_an_order_that_is_not_issuance_order()
    {
        var references = new List<Credentials.StatusListReference>();
        for (var i = 0; i < _harness.Options.ListSize; i++)
        {
            references.Add(await _harness.AllocateAsync(_harness.Data.Next()));
        }

        Assert.All(references, r => Assert.Equal(RegistryHarness.ListUri(1), r.Uri));
        var indices = references.Select(r => r.Index).ToList();
        Assert.Equal(Enumerable.Range(0, _harness.Options.ListSize), indices.Order());

        // A keyed permutation: with 64 entries the chance of it being the identity, or of fewer than half the
        // entries moving, is negligible (a failure here means indices still follow issuance order).
        Assert.True(indices.Where((index, position) => index != position).Count() > _harness.Options.ListSize / 2, string.Join(",", indices));
        Assert.Equal(StatusValue.Valid, _harness.StatusOf(references[^1]));
    }

    [Fact]
    public async Task Allocate_starts_a_new_list_when_the_current_one_fills()
    {
        for (var i = 0; i < _harness.Options.ListSize; i++)
        {
            await _harness.AllocateAsync(_harness.Data.Next());
        }

        var next = await _harness.AllocateAsync(_harness.Data.Next());

        Assert.Equal(RegistryHarness.ListUri(2), next.Uri);
        Assert.InRange(next.Index, 0, _harness.Options.ListSize - 1);
        var token = _harness.Token(2);
        Assert.Equal(RegistryHarness.ListUri(2), token.Claims.Subject);
        Assert.Equal(0, token.Claims.Version);
        var (events, _, _) = _harness.Registry.Events.ReadAfter(0, 100);
        Assert.Equal(["list", "list"], events.Select(e => e.EventName));
        Assert.Equal([1, 2], events.Select(e => e.ListId));
    }

    [Fact]
    public async Task The_permutation_continues_where_it_was_after_a_restart()
    {
        var before = new List<int>();
        for (var i = 0; i < _harness.Options.ListSize / 2; i++)
        {
            before.Add((await _harness.AllocateAsync(_harness.Data.Next())).Index);
        }

        _harness.Restart();
        var after = new List<int>();
        for (var i = 0; i < _harness.Options.ListSize / 2; i++)
        {
            after.Add((await _harness.AllocateAsync(_harness.Data.Next())).Index);
        }

        Assert.Equal(Enumerable.Range(0, _harness.Options.ListSize), before.Concat(after).Order());
    }

    [Fact]
    public async Task Allocate_is_idempotent_per_credential_id()
    {
        var registration = _harness.Data.Next();
        var first = await _harness.AllocateAsync(registration);
        await _harness.AllocateAsync(_harness.Data.Next());

        var again = await _harness.AllocateAsync(registration);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Allocate_refuses_a_known_id_with_different_data()
    {
        var registration = _harness.Data.Next();
        await _harness.AllocateAsync(registration);

        await Assert.ThrowsAsync<ArgumentException>(() => _harness.AllocateAsync(registration with { SessionId = "ses_other" }));
    }

    [Fact]
    public async Task Allocate_refuses_an_incomplete_registration_as_a_caller_bug()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.AllocateAsync(_harness.Data.Next() with { CredentialId = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.AllocateAsync(_harness.Data.Next() with { SigningKeyId = "" }));
    }

    [Fact]
    public async Task Concurrent_allocations_get_distinct_indices_that_survive_a_restart()
    {
        var registrations = Enumerable.Range(0, 300).Select(_ => _harness.Data.Next()).ToList();

        var references = await Task.WhenAll(registrations.Select(r => Task.Run(() => _harness.AllocateAsync(r))));

        Assert.Equal(300, references.Select(r => (r.Uri, r.Index)).Distinct().Count());
        Assert.All(references, r => Assert.InRange(r.Index, 0, _harness.Options.ListSize - 1));
        _harness.Restart();
        var again = await Task.WhenAll(registrations.Select(r => _harness.AllocateAsync(r)));
        Assert.Equal(references, again);
        var fresh = await _harness.AllocateAsync(_harness.Data.Next());
        Assert.DoesNotContain((fresh.Uri, fresh.Index), references.Select(r => (r.Uri, r.Index)));
    }

    public void Dispose() => _harness.Dispose();
}
