using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Channels;
using ExecGov.Credentials.Http.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Ships decision records in batches to the issuer's audit trail (<c>POST /v1/decisions</c>). Requests never wait
/// for it: <see cref="TryWrite"/> puts the record into a bounded queue and returns; when the queue is full the
/// oldest record is dropped and counted. A background loop collects up to <see cref="DecisionShipperOptions.MaxBatchSize"/>
/// records (or whatever arrived within <see cref="DecisionShipperOptions.FlushInterval"/>), POSTs them with a
/// client-credentials admin token, and retries a failed batch with exponential backoff; a batch the issuer refuses
/// (4xx other than 401/408/429) is not retried. Every record is in the log either way.
/// </summary>
public sealed partial class DecisionShipper : BackgroundService, IDecisionRecordSink
{
    /// <summary>The named <see cref="HttpClient"/> used to POST batches and fetch tokens.</summary>
    public const string HttpClientName = "ExecGov.Credentials.DecisionShipper";

    private readonly Channel<DecisionRecord> _queue;
    private readonly DecisionShipperOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly ClientCredentialsTokenClient _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _dropped;
    private long _reportedDropped;
    private long _shipped;
    private long _failed;
    private long _rejected;

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
        _tokens = new ClientCredentialsTokenClient(
            () => _http.CreateClient(HttpClientName),
            _options.TokenUri,
            ClientCredentialsTokenClient.SecretForm(_options.ClientId, _options.ClientSecret, _options.Scope),
            time);
        _queue = Channel.CreateBounded<DecisionRecord>(
            new BoundedChannelOptions(_options.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Records dropped because the queue was full (the oldest go first).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records the issuer acknowledged.</summary>
    public long Shipped => Interlocked.Read(ref _shipped);

    /// <summary>Records given up after <see cref="DecisionShipperOptions.MaxAttempts"/> failed attempts (or at shutdown).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Records the issuer refused outright (a 4xx other than 401, 408 and 429); not retried.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The shipper's token client, shared with the status event stream's authorization.</summary>
    internal ClientCredentialsTokenClient Tokens => _tokens;

    /// <summary>Records waiting in the queue.</summary>
    public int Queued => _queue.Reader.Count;

    /// <inheritdoc />
    public bool TryWrite(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.CredentialId is null && !_options.ShipUnverified)
        {
            return true; // logged only: see DecisionShipperOptions.ShipUnverified
        }

        // Never blocks: a full queue drops its oldest record (counted by the channel's callback).
        return _queue.Writer.TryWrite(IssuerRecordLimits.Fit(record));
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
                await ShipAsync(batch, _options.MaxAttempts, stoppingToken).ConfigureAwait(false);
                batch.Clear();
                ReportDrops();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushOnShutdownAsync(batch).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The loop may never have run (stopped right after start): ship what is queued all the same.
        if (_queue.Reader.Count > 0)
        {
            await FlushOnShutdownAsync([]).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(List<DecisionRecord> batch, CancellationToken stoppingToken)
    {
        using var interval = new CancellationTokenSource(_options.FlushInterval, _time);
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
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

    private async Task ShipAsync(List<DecisionRecord> batch, int attempts, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var body = new DecisionRecordBatch { Verifier = _options.InstanceName, Records = batch };
        var delay = _options.InitialBackoff;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var (outcome, cause, retryAfter) = await PostAsync(body, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Shipped:
                    Interlocked.Add(ref _shipped, batch.Count);
                    return;
                case Outcome.Rejected:
                    Interlocked.Add(ref _rejected, batch.Count);
                    LogBatchRejected(_logger, batch.Count, cause);
                    return;
            }

            if (attempt == attempts)
            {
                break;
            }

            var wait = retryAfter is { } asked && asked > delay ? (asked < _options.MaxBackoff ? asked : _options.MaxBackoff) : delay;
            LogShipRetry(_logger, batch.Count, attempt, cause, wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxBackoff.Ticks));
        }

        Interlocked.Add(ref _failed, batch.Count);
        LogBatchFailed(_logger, batch.Count, attempts);
    }

    private async Task<(Outcome Outcome, string Cause, TimeSpan? RetryAfter)> PostAsync(DecisionRecordBatch body, CancellationToken cancellationToken)
    {
        var signIn = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        if (signIn.AccessToken is not { } token)
        {
            if (signIn.Refused)
            {
                LogTokenRefused(_logger, signIn.Status);
            }
            else
            {
                LogTokenUnavailable(_logger, signIn.Cause ?? "no token");
            }

            return (Outcome.Retry, "no access token", null);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.DecisionsUri)
            {
                Content = JsonContent.Create(body, DecisionRecordJsonContext.Default.DecisionRecordBatch),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // A client per batch, so IHttpClientFactory can rotate handlers (DNS changes) under a long-running loop.
            using var client = _http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return (Outcome.Shipped, string.Empty, null);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                _tokens.Invalidate(); // expired or revoked at the issuer: the next attempt signs in again
                return (Outcome.Retry, "HTTP 401", null);
            }

            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return (Outcome.Retry, $"HTTP {status}", response.Headers.RetryAfter?.Delta);
            }

            return (Outcome.Rejected, $"HTTP {status}", null);
        }
        catch (HttpRequestException ex)
        {
            return (Outcome.Retry, ex.HttpRequestError.ToString(), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Outcome.Retry, "timeout", null); // the HttpClient's own timeout
        }
    }

    private async Task FlushOnShutdownAsync(List<DecisionRecord> batch)
    {
        // One attempt per batch within the shutdown budget; what cannot be shipped stays in the log only.
        using var budget = new CancellationTokenSource(_options.ShutdownFlushTimeout, _time);
        try
        {
            do
            {
                while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                await ShipAsync(batch, attempts: 1, budget.Token).ConfigureAwait(false);
                batch.Clear();
            }
            while (_queue.Reader.Count > 0 && !budget.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Add(ref _failed, batch.Count);
        }

        var left = _queue.Reader.Count;
        if (left > 0)
        {
            Interlocked.Add(ref _failed, left);
            LogBatchFailed(_logger, left, 0);
        }
    }

    private void ReportDrops()
    {
        var dropped = Interlocked.Read(ref _dropped);
        if (dropped > _reportedDropped)
        {
            LogDropped(_logger, dropped - _reportedDropped, dropped);
            _reportedDropped = dropped;
        }
    }

    private enum Outcome
    {
        Shipped,
        Retry,
        Rejected,
    }

    [LoggerMessage(EventId = 3101, EventName = "DecisionShipRetry", Level = LogLevel.Warning,
        Message = "Shipping {Count} decision records failed (attempt {Attempt}, {Cause}); retrying in {Delay}")]
    private static partial void LogShipRetry(ILogger logger, int count, int attempt, string cause, TimeSpan delay);

    [LoggerMessage(EventId = 3102, EventName = "DecisionBatchFailed", Level = LogLevel.Error,
        Message = "Gave up shipping {Count} decision records after {Attempts} attempts; they remain in the log only")]
    private static partial void LogBatchFailed(ILogger logger, int count, int attempts);

    [LoggerMessage(EventId = 3103, EventName = "DecisionRecordsDropped", Level = LogLevel.Warning,
        Message = "The decision shipping queue was full: {Count} oldest records dropped ({Total} in all); they remain in the log only")]
    private static partial void LogDropped(ILogger logger, long count, long total);

    [LoggerMessage(EventId = 3104, EventName = "DecisionBatchRejected", Level = LogLevel.Error,
        Message = "The issuer refused {Count} decision records ({Cause}); not retried, they remain in the log only")]
    private static partial void LogBatchRejected(ILogger logger, int count, string cause);

    [LoggerMessage(EventId = 3110, EventName = "ShippingTokenRefused", Level = LogLevel.Warning,
        Message = "The issuer's token endpoint refused the decision shipper's client credentials (HTTP {Status}); check DecisionShipping:ClientId/ClientSecret and the client's 'verifier' role")]
    private static partial void LogTokenRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3111, EventName = "ShippingTokenUnavailable", Level = LogLevel.Warning,
        Message = "No token for shipping decision records ({Cause})")]
    private static partial void LogTokenUnavailable(ILogger logger, string cause);
}
