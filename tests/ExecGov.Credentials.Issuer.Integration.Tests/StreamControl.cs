using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// The verifier's network to the issuer, under the test's control: every TCP connection it opens can be cut
/// (<see cref="DropConnections"/>), its event-stream requests can be refused (<see cref="RefuseStream"/>), and
/// what it asked for is recorded (the <c>Last-Event-ID</c> of each stream request, the status-list fetches).
/// </summary>
internal sealed partial class StreamControl
{
    private readonly Lock _gate = new();
    private readonly List<Stream> _connections = [];
    private int _listFetches;
    private volatile bool _refuseStream;

    /// <summary>While true, event-stream requests answer 503 (the verifier backs off and retries); list fetches still work.</summary>
    public bool RefuseStream
    {
        get => _refuseStream;
        set => _refuseStream = value;
    }

    /// <summary>The <c>Last-Event-ID</c> header of every event-stream request, in order (null when absent).</summary>
    public ConcurrentQueue<string?> StreamRequests { get; } = new();

    /// <summary>How many status lists the verifier fetched (including 304 answers).</summary>
    public int ListFetches => Volatile.Read(ref _listFetches);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        lock (_gate)
        {
            _connections.Add(stream);
        }

        return stream;
    }

    /// <summary>Cuts every connection the verifier has open (the event stream among them), as a network failure would.</summary>
    public void DropConnections()
    {
        List<Stream> open;
        lock (_gate)
        {
            open = [.. _connections];
            _connections.Clear();
        }

        open.ForEach(s => s.Dispose());
    }

    public DelegatingHandler CreateHandler() => new Recorder(this);

    [GeneratedRegex("^/status-lists/[1-9][0-9]*$")]
    private static partial Regex ListPath();

    private sealed class Recorder(StreamControl control) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/status-lists/events")
            {
                control.StreamRequests.Enqueue(request.Headers.TryGetValues("Last-Event-ID", out var ids) ? ids.Single() : null);
                if (control.RefuseStream)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
                }
            }
            else if (ListPath().IsMatch(path))
            {
                Interlocked.Increment(ref control._listFetches);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
