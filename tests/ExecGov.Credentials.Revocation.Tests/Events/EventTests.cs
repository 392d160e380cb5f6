using System.Text.Json;
using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecGov.Credentials.Revocation.Tests.Events;

public sealed class EventTests : IDisposable
{
    private readonly RegistryHarness _harness = new(o => o.ListSize = 8_192);

    [Fact]
    public async Task Event_ids_are_gap_free_and_each_lists_versions_rise_by_one()
    {
        var registrations = new List<CredentialRegistration>();
        for (var i = 0; i < 40; i++)
        {
            var registration = _harness.Data.Next(session: $"ses_{i % 4}", agent: $"agent-{i % 3}");
            registrations.Add(registration);
            await _harness.AllocateAsync(registration);
        }

        await Task.WhenAll(
            Task.Run(() => _harness.ApplyAsync(RevocationScope.Session, "ses_1", RevocationAction.Suspend)),
            Task.Run(() => _harness.ApplyAsync(RevocationScope.Agent, "agent-2", RevocationAction.Revoke)),
            Task.Run(() => _harness.ApplyAsync(RevocationScope.Credential, registrations[0].CredentialId, RevocationAction.Revoke)),
            Task.Run(() => _harness.ApplyAsync(RevocationScope.Session, "ses_3", RevocationAction.Suspend)));
        await _harness.ApplyAsync(RevocationScope.Session, "ses_1", RevocationAction.Unsuspend);

        var (events, gap, last) = _harness.Registry.Events.ReadAfter(0, 1_000);
        Assert.False(gap);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(last, events[^1].Id);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Version));
        Assert.Equal(events[^1].Version, _harness.Token(1).Claims.Version);
    }

    [Fact]
    public async Task Status_event_names_the_list_the_new_status_and_the_changed_indices()
    {
        var a = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-q"));
        await _harness.AllocateAsync(_harness.Data.Next());
        var b = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-q"));

        var result = await _harness.ApplyAsync(RevocationScope.Agent, "agent-q", RevocationAction.Suspend);

        var (events, _, _) = _harness.Registry.Events.ReadAfter(result.LastEventId!.Value - 1, 10);
        var e = Assert.Single(events);
        Assert.Equal("status", e.EventName);
        using var data = JsonDocument.Parse(e.Data);
        Assert.Equal(RegistryHarness.ListUri(1), data.RootElement.GetProperty("uri").GetString());
        Assert.Equal(1, data.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(2, data.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(new[] { a.Index, b.Index }.Order(), data.RootElement.GetProperty("idx").EnumerateArray().Select(i => i.GetInt32()));
    }

    [Fact]
    public async Task A_large_act_is_split_into_events_of_bounded_size_one_version_each()
    {
        var registrations = Enumerable.Range(0, RevocationRegistry.MaxIndicesPerEvent + 10).Select(_ => _harness.Data.Next(agent: "agent-big")).ToList();
        await Task.WhenAll(registrations.Select(r => _harness.AllocateAsync(r)));

        var result = await _harness.ApplyAsync(RevocationScope.Agent, "agent-big", RevocationAction.Revoke);

        var (events, _, _) = _harness.Registry.Events.ReadAfter(result.LastEventId!.Value - 2, 10);
        Assert.Equal(2, events.Count);
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(registrations.Count, result.Changed);
        Assert.Equal(2, _harness.Token(1).Claims.Version);
    }

    [Fact]
    public async Task Events_and_versions_are_recovered_after_a_restart_and_ids_continue()
    {
        var registration = _harness.Data.Next();
        await _harness.AllocateAsync(registration);
        await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Suspend);
        var before = _harness.Registry.Events.ReadAfter(0, 100).Events;

        _harness.Restart();
        var after = _harness.Registry.Events.ReadAfter(0, 100).Events;
        var next = await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Revoke);

        Assert.Equal(before, after);
        Assert.Equal(before[^1].Id + 1, next.LastEventId);
        Assert.Equal(2, _harness.Token(1).Claims.Version);
    }

    [Fact]
    public async Task Signing_key_revocation_pushes_key_withdrawn_after_its_status_events_and_replays_it_after_a_restart()
    {
        var signed = await _harness.AllocateAsync(_harness.Data.Next(key: "key-leaked"));
        await _harness.AllocateAsync(_harness.Data.Next(key: "key-fine"));
        var before = _harness.Registry.Events.LastId;

        var result = await _harness.ApplyAsync(RevocationScope.SigningKey, "key-leaked", RevocationAction.Revoke);

        var (events, _, _) = _harness.Registry.Events.ReadAfter(before, 10);
        Assert.Equal(["status", "key_withdrawn"], events.Select(e => e.EventName));
        var withdrawn = events[^1];
        Assert.Equal(before + 2, withdrawn.Id);
        Assert.Equal(result.LastEventId, withdrawn.Id);
        Assert.Equal("""{"kid":"key-leaked"}""", withdrawn.Data);
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(signed));

        // The event belongs to no list: hello's list versions are untouched by it.
        Assert.DoesNotContain(_harness.Registry.Events.Snapshot().Versions, v => v.Key == 0);

        _harness.Restart();
        var stream = EventStream.ReadAsync(_harness.Registry.Events, _harness.Registry.Publisher.Uris, TimeSpan.FromSeconds(5), _harness.Time, NullLogger.Instance, lastEventId: before + 1, CancellationToken.None);
        await using var items = stream.GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("hello", items.Current.EventType);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal(("key_withdrawn", (before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), """{"kid":"key-leaked"}"""),
            (items.Current.EventType, items.Current.EventId, items.Current.Data));
    }

    [Fact]
    public async Task Revoking_a_signing_key_that_signed_nothing_still_pushes_key_withdrawn()
    {
        var before = _harness.Registry.Events.LastId;
        var result = await _harness.ApplyAsync(RevocationScope.SigningKey, "key-unused", RevocationAction.Revoke);

        var e = Assert.Single(_harness.Registry.Events.ReadAfter(before, 10).Events);
        Assert.Equal("key_withdrawn", e.EventName);
        Assert.Equal(e.Id, result.LastEventId);
    }

    [Fact]
    public async Task Pruned_events_make_the_stream_send_reset()
    {
        using var harness = new RegistryHarness(o => o.ListSize = 2_048);
        var registrations = Enumerable.Range(0, 1_300).Select(_ => harness.Data.Next()).ToList();
        await Task.WhenAll(registrations.Select(r => harness.AllocateAsync(r)));
        await Task.WhenAll(registrations.Select(r => harness.ApplyAsync(RevocationScope.Credential, r.CredentialId, RevocationAction.Revoke)));
        harness.Restart();

        var stream = EventStream.ReadAsync(harness.Registry.Events, harness.Registry.Publisher.Uris, TimeSpan.FromSeconds(5), harness.Time, NullLogger.Instance, lastEventId: 1, CancellationToken.None);
        await using var items = stream.GetAsyncEnumerator();

        Assert.True(await items.MoveNextAsync());
        Assert.Equal("hello", items.Current.EventType);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("reset", items.Current.EventType);
        using var reset = JsonDocument.Parse(items.Current.Data);
        Assert.Equal(harness.Registry.Events.LastId, reset.RootElement.GetProperty("last_id").GetInt64());
    }

    public void Dispose() => _harness.Dispose();
}
