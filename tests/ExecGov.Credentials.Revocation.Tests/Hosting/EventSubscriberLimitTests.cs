using System.Net;
using System.Text.Json;
using ExecGov.Credentials.Revocation.Tests.Support;

namespace ExecGov.Credentials.Revocation.Tests.Hosting;

/// <summary>The public event stream serves a bounded number of subscribers; the rest are told to poll and come back.</summary>
public sealed class EventSubscriberLimitTests : IAsyncLifetime
{
    private RevocationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RevocationTestHost.StartAsync(options => options.MaxEventSubscribers = 2);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_subscriber_past_the_limit_gets_503_problem_with_retry_after_and_a_place_frees_when_one_leaves()
    {
        await using var first = await SseReader.OpenAsync(_host.Client);
        Assert.Equal("hello", (await first.NextAsync()).EventType);
        var second = await SseReader.OpenAsync(_host.Client);
        Assert.Equal("hello", (await second.NextAsync()).EventType);

        using (var refused = await _host.Client.GetAsync("/status-lists/events"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter!.Delta);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("too_many_subscribers", problem.RootElement.GetProperty("code").GetString());
        }

        // The lists themselves stay available to everyone: a refused subscriber polls.
        using (var list = await _host.Client.GetAsync("/status-lists/1"))
        {
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        }

        await second.DisposeAsync();
        await using var third = await OpenWhenAdmittedAsync();
        Assert.Equal("hello", (await third.NextAsync()).EventType);
    }

    /// <summary>The server learns of a closed connection asynchronously; the freed place is taken as soon as it shows.</summary>
    private async Task<SseReader> OpenWhenAdmittedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var stream = await SseReader.OpenAsync(_host.Client);
            if (stream.Response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return stream;
            }

            await stream.DisposeAsync();
            await Task.Delay(50);
        }
    }
}
