using System.Collections.Concurrent;
using System.Collections.Frozen;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Http;
using ExecGov.Credentials.Verifier.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Verifier.Keys;

/// <summary>
/// Trusted issuers' keys from JWKS documents (URL, file or inline), cached in memory. Known keys are
/// answered from memory; an unknown <c>kid</c> triggers at most one refresh per issuer per
/// <see cref="CredentialVerifierOptions.JwksMinimumRefreshInterval"/>, so a flood of made-up kids cannot
/// turn the verifier into a request amplifier. A failed refresh keeps the keys already known. A key withdrawn by
/// push (<c>event: key_withdrawn</c> on the issuer's revocation stream) is dropped at once and stays dropped for the
/// life of the process, even while the issuer's JWKS (or a cache in front of it) still lists it.
/// </summary>
public sealed partial class JwksIssuerKeySource : IIssuerKeySource, IKeyWithdrawal
{
    private const int MaxJwksBytes = 64 * 1024;
    private readonly FrozenDictionary<string, IssuerState> _issuers;
    private readonly HttpClient? _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly IssuerMetadataClient _metadata;

    /// <summary>Creates the source; <paramref name="httpClient"/> is needed only for issuers configured by URL.</summary>
    public JwksIssuerKeySource(IOptions<CredentialVerifierOptions> options, HttpClient? httpClient, TimeProvider time, ILogger<JwksIssuerKeySource>? logger = null)
        : this(options, httpClient, time, logger, metadata: null)
    {
    }

    /// <summary>Creates the source sharing <paramref name="metadata"/> with the status source, so each metadata document is read once.</summary>
    internal JwksIssuerKeySource(IOptions<CredentialVerifierOptions> options, HttpClient? httpClient, TimeProvider time, ILogger<JwksIssuerKeySource>? logger, IssuerMetadataClient? metadata)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var value = options.Value;
        _metadata = metadata ?? new IssuerMetadataClient(value.Issuers, httpClient, time, logger);
        _issuers = value.Issuers.ToFrozenDictionary(i => i.Issuer, i => new IssuerState(i), StringComparer.Ordinal);
        _http = httpClient;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _refreshInterval = value.JwksRefreshInterval;
        _minimumRefreshInterval = value.JwksMinimumRefreshInterval;
    }

    /// <inheritdoc />
    public bool IsTrusted(string issuer) => _issuers.ContainsKey(issuer);

    /// <inheritdoc />
    public ValueTask<Ed25519SecurityKey?> GetKeyAsync(string issuer, string keyId, CancellationToken cancellationToken)
    {
        if (!_issuers.TryGetValue(issuer, out var state))
        {
            return ValueTask.FromResult<Ed25519SecurityKey?>(null);
        }

        if (state.IsWithdrawn(keyId))
        {
            return ValueTask.FromResult<Ed25519SecurityKey?>(null);
        }

        var now = _time.GetUtcNow();
        var keys = state.Keys;
        if (keys is not null && keys.TryGetValue(keyId, out var key))
        {
            if (now - state.LoadedAt > _refreshInterval)
            {
                // Stale but known: answer now, refresh in the background so rotation is picked up.
                _ = RefreshAsync(state, force: false, CancellationToken.None);
            }

            return ValueTask.FromResult<Ed25519SecurityKey?>(key);
        }

        return SlowPathAsync(state, keyId, cancellationToken);
    }

    /// <summary>What is known of <paramref name="issuer"/>'s keys now, without I/O; null for an issuer that is not trusted.</summary>
    public IssuerKeySetState? GetKeySetState(string issuer)
    {
        if (!_issuers.TryGetValue(issuer, out var state))
        {
            return null;
        }

        var keys = state.Keys;
        return new IssuerKeySetState { Issuer = issuer, KeyCount = keys?.Count ?? 0, LoadedAt = keys is null ? null : state.LoadedAt };
    }

    /// <summary>Re-reads an issuer's JWKS now (for example when told a key was withdrawn).</summary>
    public Task RefreshAsync(string issuer, CancellationToken cancellationToken) =>
        _issuers.TryGetValue(issuer, out var state) ? RefreshAsync(state, force: true, cancellationToken) : Task.CompletedTask;

    private async ValueTask<Ed25519SecurityKey?> SlowPathAsync(IssuerState state, string keyId, CancellationToken cancellationToken)
    {
        await RefreshAsync(state, force: false, cancellationToken).ConfigureAwait(false);
        return !state.IsWithdrawn(keyId) && state.Keys is { } keys && keys.TryGetValue(keyId, out var key) ? key : null;
    }

    /// <inheritdoc />
    bool IKeyWithdrawal.Withdraw(string issuer, string keyId)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(keyId);
        if (!_issuers.TryGetValue(issuer, out var state))
        {
            return false;
        }

        state.Withdraw(keyId);
        return true;
    }

    private async Task RefreshAsync(IssuerState state, bool force, CancellationToken cancellationToken)
    {
        if (!force && _time.GetUtcNow() - state.LastAttempt < _minimumRefreshInterval)
        {
            // A refresh may be running right now (the start-up warm-up, or another caller's): wait for its
            // result instead of answering from the keys it is about to replace. Still at most one fetch.
            if (state.Gate.CurrentCount == 0)
            {
                await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                state.Gate.Release();
            }

            return;
        }

        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (!force && now - state.LastAttempt < _minimumRefreshInterval)
            {
                return; // Another caller refreshed while we waited.
            }

            state.LastAttempt = now;
            var json = await ReadJwksAsync(state.Options, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return;
            }

            var keys = ParseJwks(json, state);
            if (keys is null)
            {
                return;
            }

            state.Keys = keys;
            state.LoadedAt = now;
            LogJwksLoaded(_logger, state.Options.Issuer, keys.Count);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<string?> ReadJwksAsync(TrustedIssuerOptions issuer, CancellationToken cancellationToken)
    {
        try
        {
            if (issuer.Jwks is { Length: > 0 } inline)
            {
                return inline;
            }

            if (issuer.JwksPath is { Length: > 0 } path)
            {
                return new FileInfo(path).Length > MaxJwksBytes ? null : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }

            // Explicit JwksUri wins; otherwise the issuer's metadata document names it.
            var uri = issuer.JwksUri ?? (issuer.MetadataUri is null ? null : (await _metadata.GetAsync(issuer.Issuer, cancellationToken).ConfigureAwait(false))?.JwksUri);
            if (uri is not null && _http is not null)
            {
                // Exactly 200: a redirect is a failure, never followed (the named client does not follow them either), so
                // the keys can only come from the URL configured or named by the issuer's own metadata.
                using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != System.Net.HttpStatusCode.OK)
                {
                    LogJwksFetchFailed(_logger, issuer.Issuer, $"HTTP {(int)response.StatusCode}");
                    return null;
                }

                var body = await BoundedContent.ReadAsync(response.Content, MaxJwksBytes, cancellationToken).ConfigureAwait(false);
                if (body is null)
                {
                    LogJwksFetchFailed(_logger, issuer.Issuer, $"larger than {MaxJwksBytes} bytes");
                }

                return body;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException)
        {
            LogJwksFetchFailed(_logger, issuer.Issuer, ex.GetType().Name);
        }

        return null;
    }

    private FrozenDictionary<string, Ed25519SecurityKey>? ParseJwks(string json, IssuerState state)
    {
        var issuer = state.Options.Issuer;
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException ex)
        {
            LogJwksFetchFailed(_logger, issuer, ex.GetType().Name);
            return null;
        }

        var keys = new Dictionary<string, Ed25519SecurityKey>(StringComparer.Ordinal);
        foreach (var jwk in set.Keys)
        {
            // Only Ed25519 signature keys; a private member in a "public" JWKS means a broken issuer: skip it.
            if (!Jwk.TryGetEd25519PublicKey(jwk, refusePrivate: true, out var publicKey, out _))
            {
                continue;
            }

            var kid = string.IsNullOrEmpty(jwk.Kid) ? Jwk.Ed25519Thumbprint(publicKey) : jwk.Kid;
            if (state.IsWithdrawn(kid))
            {
                continue; // Withdrawn by push; a JWKS that still lists it (not yet updated, or cached) does not bring it back.
            }

            keys.TryAdd(kid, new Ed25519SecurityKey(publicKey, kid));
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Loaded {KeyCount} Ed25519 keys for issuer {Issuer}")]
    private static partial void LogJwksLoaded(ILogger logger, string issuer, int keyCount);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not refresh the JWKS of issuer {Issuer} ({Cause}); keeping the keys already known")]
    private static partial void LogJwksFetchFailed(ILogger logger, string issuer, string cause);

    private sealed class IssuerState(TrustedIssuerOptions options)
    {
        public TrustedIssuerOptions Options { get; } = options;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile FrozenDictionary<string, Ed25519SecurityKey>? Keys;

        public DateTimeOffset LoadedAt { get; set; }

        public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;

        // Checked on every verification: the volatile flag keeps that one read while nothing was ever withdrawn.
        private readonly ConcurrentDictionary<string, bool> _withdrawn = new(StringComparer.Ordinal);
        private volatile bool _anyWithdrawn;

        public bool IsWithdrawn(string keyId) => _anyWithdrawn && _withdrawn.ContainsKey(keyId);

        public void Withdraw(string keyId)
        {
            _withdrawn[keyId] = true;
            _anyWithdrawn = true;
            if (Keys is { } keys && keys.ContainsKey(keyId))
            {
                // Also out of the held set, so health reports count only keys that still verify.
                Keys = keys.Where(k => k.Key != keyId).ToFrozenDictionary(StringComparer.Ordinal);
            }
        }
    }
}
