using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>Reads an SSE response in the background with the runtime's parser; the test takes items with a deadline.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly Channel<SseItem<string>> _items = Channel.CreateUnbounded<SseItem<string>>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _pump;

    private SseReader(HttpResponseMessage response)
    {
        _response = response;
        _pump = Task.Run(async () =>
        {
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(_stop.Token);
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(_stop.Token))
                {
                    await _items.Writer.WriteAsync(item, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
            {
                // The test ended the stream (possibly before the pump got to it: the response is then already disposed).
            }
            finally
            {
                _items.Writer.TryComplete();
            }
        });
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseReader> OpenAsync(HttpClient client, long? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status-lists/events");
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response);
    }

    /// <summary>The next item, or a timeout failure after <paramref name="timeout"/>.</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _items.Reader.ReadAsync(deadline.Token);
    }

    /// <summary>The next item if one arrives within <paramref name="wait"/>.</summary>
    public async Task<SseItem<string>?> TryNextAsync(TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            return await _items.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _pump;
        _stop.Dispose();
    }
}
