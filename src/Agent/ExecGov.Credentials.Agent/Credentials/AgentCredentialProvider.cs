using ExecGov.Credentials.Agent.Issuer;
using ExecGov.Credentials.Agent.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>
/// Keeps one credential fresh for one target: asks the issuer on first use, caches the answer, and renews it
/// <see cref="AgentCredentialOptions.RenewBefore"/> ahead of expiry. Renewal is single-flight: however many
/// requests arrive, one request goes to the issuer. While the current credential is still valid, callers keep
/// getting it and the renewal runs in the background; only when there is no valid credential do they wait
/// (for a consequential scope, until a human approves). Thread-safe.
/// </summary>
public sealed partial class AgentCredentialProvider : IDisposable
{
    // A credential this close to its exp is not handed out: the request would arrive expired.
    private static readonly TimeSpan UsableMargin = TimeSpan.FromSeconds(5);

    private readonly IssuerClient _issuer;
    private readonly AgentCredentialOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _gate = new();
    private IssuedCredential? _current;
    private DateTimeOffset _renewAt;
    private Task<CredentialResult>? _renewal;
    private CredentialResult? _lastFailure;
    private DateTimeOffset _retryAt;

    /// <summary>Creates a provider. Both option sets are validated here; a half-configured provider cannot exist.</summary>
    /// <param name="key">The agent key; the provider does not own it.</param>
    /// <param name="agent">Who the agent is and where its issuer is.</param>
    /// <param name="options">What to request.</param>
    /// <param name="issuerHttp">The HTTP client for the issuer; the provider does not own it.</param>
    /// <param name="time">The clock; default the system clock.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="OptionsValidationException">The options are incomplete or unsafe.</exception>
    public AgentCredentialProvider(AgentKey key, ExecGovAgentOptions agent, AgentCredentialOptions options, HttpClient issuerHttp, TimeProvider? time = null, ILogger<AgentCredentialProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(issuerHttp);
        Throw(new ExecGovAgentOptionsValidator().Validate(Options.DefaultName, agent), typeof(ExecGovAgentOptions));
        Throw(new AgentCredentialOptionsValidator().Validate(Options.DefaultName, options), typeof(AgentCredentialOptions));
        Key = key;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _issuer = new IssuerClient(issuerHttp, key, agent, options, _time, _logger);
    }

    /// <summary>The agent key proofs are signed with.</summary>
    public AgentKey Key { get; }

    /// <summary>The renewal in flight, if any (for tests that wait for a background renewal).</summary>
    internal Task<CredentialResult>? PendingRenewal
    {
        get
        {
            lock (_gate)
            {
                return _renewal;
            }
        }
    }

    /// <summary>
    /// The current credential, renewed when due. Waits only when no valid credential is at hand. Never throws for
    /// issuer answers (denied, unreachable, malformed): those are a failed <see cref="CredentialResult"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the renewal itself goes on).</exception>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public async ValueTask<CredentialResult> GetCredentialAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        Task<CredentialResult> renewal;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var current = _current;
            if (current is not null && now < _renewAt)
            {
                return CredentialResult.Success(current);
            }

            var usable = current is not null && now < current.ExpiresAt - UsableMargin;
            if (_renewal is null && _lastFailure is not null && now < _retryAt)
            {
                // The issuer just failed us: do not hammer it, use what we have or report the failure.
                return usable ? CredentialResult.Success(current!) : _lastFailure;
            }

            renewal = _renewal ??= RenewAsync();
            if (usable)
            {
                return CredentialResult.Success(current!);
            }
        }

        return await renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Forgets the current credential, so the next request asks the issuer for a new one (for example after a
    /// verifier answered <c>expired</c>). A renewal already in flight is kept.
    /// </summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
            _lastFailure = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task<CredentialResult> RenewAsync()
    {
        // Not tied to any caller's cancellation: one renewal serves every waiting request.
        await Task.Yield();
        CredentialResult result;
        try
        {
            result = await _issuer.RequestAsync(_disposed.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            result = CredentialResult.Failure(AgentCredentialError.IssuerUnavailable, "The credential provider was disposed.");
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (result.IsSuccess)
            {
                var credential = result.Credential;
                var lifetime = credential.ExpiresAt - credential.IssuedAt;
                var ahead = _options.RenewBefore < lifetime / 2 ? _options.RenewBefore : lifetime / 2;
                _current = credential;
                _renewAt = credential.ExpiresAt - ahead;
                _lastFailure = null;
            }
            else
            {
                _lastFailure = result;
                _retryAt = now + _options.RetryAfterFailure;
                LogRenewalFailed(_logger, result.Error.ToString(), result.IssuerCode, result.Detail ?? string.Empty);
            }

            _renewal = null;
        }

        return result;
    }

    private static void Throw(ValidateOptionsResult validation, Type optionsType)
    {
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, optionsType, validation.Failures);
        }
    }

    [LoggerMessage(EventId = AgentEventIds.CredentialRequestFailed, EventName = "CredentialRequestFailed", Level = LogLevel.Warning,
        Message = "No credential obtained ({Error}, issuer code {IssuerCode}): {Detail}")]
    private static partial void LogRenewalFailed(ILogger logger, string error, string? issuerCode, string detail);
}
