using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Ships decision records in batches to the issuer's audit trail. Requests never wait for it: records go into
/// a bounded queue (full queue: the record is dropped and counted, never blocking a decision); a background
/// loop POSTs batches and retries a failed batch with exponential backoff. Records stay in the log either way.
/// </summary>
public sealed partial class DecisionShipper : BackgroundService, IDecisionRecordSink
{
    /// <summary>The named <see cref="HttpClient"/> used to POST batches.</summary>
    public const string HttpClientName = "ExecGov.Credentials.DecisionShipper";

    private readonly Channel<DecisionRecord> _queue;
    private readonly DecisionShipperOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _dropped;
    private long _shipped;

    /// <summary>Creates the shipper.</summary>
    public DecisionShipper(IOptions<DecisionShipperOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<DecisionShipper> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _http = http;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<DecisionRecord>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    /// <summary>Records dropped because the queue was full or a batch ran out of attempts.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records the issuer acknowledged.</summary>
    public long Shipped => Interlocked.Read(ref _shipped);

    /// <inheritdoc />
    public bool TryWrite(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_queue.Writer.TryWrite(record))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<DecisionRecord>(_options.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await FillAsync(batch, stoppingToken).ConfigureAwait(false);
                await ShipAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued stays only in the log.
        }
    }

    private async Task FillAsync(List<DecisionRecord> batch, CancellationToken stoppingToken)
    {
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        flush.CancelAfter(_options.FlushInterval);
        try
        {
            while (batch.Count < _options.MaxBatchSize)
            {
                if (_queue.Reader.TryRead(out var record))
                {
                    batch.Add(record);
                    continue;
                }

                if (!await _queue.Reader.WaitToReadAsync(flush.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The flush interval passed: ship what we have.
        }
    }

    private async Task ShipAsync(List<DecisionRecord> batch, CancellationToken stoppingToken)
    {
        var body = new DecisionRecordBatch { Verifier = _options.InstanceName, Records = batch };
        var delay = _options.InitialBackoff;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            string cause;
            try
            {
                using var client = _http.CreateClient(HttpClientName);
                using var response = await client.PostAsJsonAsync(_options.Endpoint, body, DecisionRecordJsonContext.Default.DecisionRecordBatch, stoppingToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref _shipped, batch.Count);
                    return;
                }

                cause = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                cause = ex.GetType().Name;
            }
            catch (TaskCanceledException ex) when (!stoppingToken.IsCancellationRequested)
            {
                cause = ex.GetType().Name; // the HttpClient timeout
            }

            if (attempt == _options.MaxAttempts)
            {
                Interlocked.Add(ref _dropped, batch.Count);
                LogBatchDropped(_logger, batch.Count, attempt, cause);
                return;
            }

            LogShipRetry(_logger, batch.Count, attempt, cause, delay);
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxBackoff.Ticks));
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Shipping {Count} decision records failed (attempt {Attempt}, {Cause}); retrying in {Delay}")]
    private static partial void LogShipRetry(ILogger logger, int count, int attempt, string cause, TimeSpan delay);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Dropped {Count} decision records after {Attempts} attempts ({Cause}); they remain in the log only")]
    private static partial void LogBatchDropped(ILogger logger, int count, int attempts, string cause);
}
