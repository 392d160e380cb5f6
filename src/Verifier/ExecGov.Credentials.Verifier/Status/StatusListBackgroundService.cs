using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// Drives the <see cref="StatusListStatusSource"/>: learns each issuer's status endpoints (retrying while its
/// metadata cannot be read), keeps one event stream per issuer subscribed, and starts due polls every tick.
/// </summary>
internal sealed class StatusListBackgroundService : BackgroundService
{
    internal static readonly TimeSpan PollTick = TimeSpan.FromMilliseconds(250);
    private readonly StatusListStatusSource _source;
    private readonly HttpClient _streamClient;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public StatusListBackgroundService(StatusListStatusSource source, HttpClient streamClient, TimeProvider time, ILogger<StatusListBackgroundService>? logger)
    {
        _source = source;
        _streamClient = streamClient;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var work = new List<Task> { PollAsync(stoppingToken) };
        foreach (var state in _source.Issuers)
        {
            work.Add(RunIssuerAsync(state, stoppingToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task RunIssuerAsync(IssuerStatusState state, CancellationToken stoppingToken)
    {
        if (state.Options.StatusListBase is null && state.Options.MetadataUri is null)
        {
            return; // The issuer publishes no status lists (allowed only with RequireStatus = false).
        }

        var delay = Metadata.IssuerMetadataClient.RetryInterval;
        try
        {
            while (!await _source.ResolveAsync(state, stoppingToken).ConfigureAwait(false))
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }

            if (_source.Options.UseEventStream && state.Endpoints!.Events is { } events)
            {
                await new StatusEventStream(_source, state, _streamClient, _time, _logger).RunAsync(events, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollTick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _source.PollDue();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
