using System.Net;
using System.Text.Json;
using ExecGov.Credentials.Revocation.Tests.Support;

namespace ExecGov.Credentials.Revocation.Tests.Hosting;

public sealed class EventStreamEndpointTests : IAsyncLifetime
{
    private RevocationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RevocationTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_starts_with_hello_then_pushes_each_change()
    {
        var registration = _host.Data.Next();
        var reference = await _host.Allocator.AllocateAsync(registration, CancellationToken.None);
        await using var stream = await SseReader.OpenAsync(_host.Client);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType);

        var hello = await stream.NextAsync();
        Assert.Equal("hello", hello.EventType);
        Assert.Null(hello.EventId);
        using (var data = JsonDocument.Parse(hello.Data))
        {
            Assert.Equal(1, data.RootElement.GetProperty("last_id").GetInt64());
            var list = Assert.Single(data.RootElement.GetProperty("lists").EnumerateArray());
            Assert.Equal("http://127.0.0.1/status-lists/1", list.GetProperty("uri").GetString());
            Assert.Equal(0, list.GetProperty("version").GetInt64());
        }

        var result = await Revoke(registration.CredentialId);
        var status = await stream.NextAsync();

        Assert.Equal("status", status.EventType);
        Assert.Equal(result.LastEventId.ToString(), status.EventId);
        using var change = JsonDocument.Parse(status.Data);
        Assert.Equal(1, change.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(1, change.RootElement.GetProperty("status").GetInt32());
        Assert.Equal([reference.Index], change.RootElement.GetProperty("idx").EnumerateArray().Select(i => i.GetInt32()));
    }

    [Fact]
    public async Task Reconnect_with_last_event_id_replays_every_later_event_without_gaps()
    {
        var registrations = Enumerable.Range(0, 5).Select(_ => _host.Data.Next()).ToList();
        foreach (var registration in registrations)
        {
            await _host.Allocator.AllocateAsync(registration, CancellationToken.None);
        }

        long lastSeen;
        await using (var first = await SseReader.OpenAsync(_host.Client))
        {
            await first.NextAsync();
            await Revoke(registrations[0].CredentialId);
            lastSeen = long.Parse((await first.NextAsync()).EventId!);
        }

        // Disconnected: these happen while nobody listens.
        foreach (var registration in registrations.Skip(1))
        {
            await Revoke(registration.CredentialId);
        }

        await using var second = await SseReader.OpenAsync(_host.Client, lastSeen);
        Assert.Equal("hello", (await second.NextAsync()).EventType);
        var replayed = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var item = await second.NextAsync();
            Assert.Equal("status", item.EventType);
            replayed.Add(long.Parse(item.EventId!));
        }

        Assert.Equal(Enumerable.Range((int)lastSeen + 1, 4).Select(i => (long)i), replayed);

        // And live events follow the replay on the same connection.
        var extra = _host.Data.Next();
        await _host.Allocator.AllocateAsync(extra, CancellationToken.None);
        await Revoke(extra.CredentialId);
        Assert.Equal((lastSeen + 5).ToString(), (await second.NextAsync()).EventId);
    }

    [Fact]
    public async Task Idle_stream_sends_heartbeats_naming_the_last_id()
    {
        await using var stream = await SseReader.OpenAsync(_host.Client);
        await stream.NextAsync();

        // Move the fake clock until the stream's heartbeat timer fires (it may not be waiting yet at the first step).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        System.Net.ServerSentEvents.SseItem<string>? heartbeat = null;
        while (heartbeat is null && DateTime.UtcNow < deadline)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(5));
            heartbeat = await stream.TryNextAsync(TimeSpan.FromMilliseconds(100));
        }

        Assert.NotNull(heartbeat);
        Assert.Equal("heartbeat", heartbeat.Value.EventType);
        Assert.Null(heartbeat.Value.EventId);
        using var data = JsonDocument.Parse(heartbeat.Value.Data);
        Assert.Equal(1, data.RootElement.GetProperty("last_id").GetInt64());
        Assert.InRange(data.RootElement.GetProperty("at").GetInt64(), _host.Time.GetUtcNow().ToUnixTimeSeconds() - 10, _host.Time.GetUtcNow().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Last_event_id_beyond_the_newest_answers_reset()
    {
        await using var stream = await SseReader.OpenAsync(_host.Client, lastEventId: 500);

        Assert.Equal("hello", (await stream.NextAsync()).EventType);
        var reset = await stream.NextAsync();

        Assert.Equal("reset", reset.EventType);
        using var data = JsonDocument.Parse(reset.Data);
        Assert.Equal(1, data.RootElement.GetProperty("last_id").GetInt64());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task Malformed_last_event_id_answers_400_problem(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status-lists/events");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", value);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_last_event_id", problem.RootElement.GetProperty("code").GetString());
    }

    private async Task<RevocationResult> Revoke(string credentialId) =>
        await _host.Registry.ApplyAsync(new RevocationRequest { Scope = RevocationScope.Credential, Target = credentialId, Action = RevocationAction.Revoke, Responder = "r", Reason = "test" }, CancellationToken.None);
}
