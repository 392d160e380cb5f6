using System.Collections.Frozen;
using System.Text.Json;
using ExecGov.Credentials.Verifier.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecGov.Credentials.Verifier.Metadata;

/// <summary>
/// Resolves each trusted issuer's endpoints: the explicit <see cref="TrustedIssuerOptions"/> values, completed
/// from the issuer's metadata document when <see cref="TrustedIssuerOptions.MetadataUri"/> is set. A document is
/// accepted only when its <c>issuer</c> equals the configured issuer exactly and every URI in it is https (or
/// http on loopback); otherwise it is refused and logged, and the issuer stays unresolved (fail closed).
/// A resolved document is kept for the life of the process; failures are retried at most once per
/// <see cref="RetryInterval"/>, so callers on the request path cannot turn into a flood of fetches.
/// </summary>
internal sealed partial class IssuerMetadataClient
{
    internal static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private const int MaxDocumentBytes = 64 * 1024;
    private readonly FrozenDictionary<string, State> _issuers;
    private readonly HttpClient? _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public IssuerMetadataClient(IEnumerable<TrustedIssuerOptions> issuers, HttpClient? http, TimeProvider time, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        ArgumentNullException.ThrowIfNull(time);
        _issuers = issuers.ToFrozenDictionary(i => i.Issuer, i => new State(i), StringComparer.Ordinal);
        _http = http;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The endpoints known now, without I/O; null when the issuer is unknown or its metadata is still unresolved.</summary>
    public IssuerEndpoints? TryGet(string issuer) => _issuers.TryGetValue(issuer, out var state) ? state.Resolved : null;

    /// <summary>The issuer's endpoints, fetching its metadata document when needed; null when they cannot be resolved now.</summary>
    public async ValueTask<IssuerEndpoints?> GetAsync(string issuer, CancellationToken cancellationToken)
    {
        if (!_issuers.TryGetValue(issuer, out var state))
        {
            return null;
        }

        if (state.Resolved is { } resolved)
        {
            return resolved;
        }

        if (state.Options.MetadataUri is null)
        {
            // Nothing to learn: the explicit settings are all there is.
            state.Resolved = new IssuerEndpoints(state.Options.JwksUri, state.Options.StatusListBase, state.Options.StatusEventsUri);
            return state.Resolved;
        }

        if (_time.GetUtcNow() - state.LastAttempt < RetryInterval && state.Gate.CurrentCount > 0)
        {
            return null; // Failed recently and nobody is trying now.
        }

        // Wait for a read in progress (the key and status sources both ask at start-up) rather than miss its result.
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.Resolved is not null || _time.GetUtcNow() - state.LastAttempt < RetryInterval)
            {
                return state.Resolved;
            }

            state.LastAttempt = _time.GetUtcNow();
            var document = await FetchAsync(state.Options, cancellationToken).ConfigureAwait(false);
            if (document is null || Combine(state.Options, document) is not { } endpoints)
            {
                return null;
            }

            state.Resolved = endpoints;
            LogMetadataResolved(_logger, issuer, endpoints.JwksUri?.AbsoluteUri, endpoints.StatusListBase?.AbsoluteUri, endpoints.StatusEventsUri?.AbsoluteUri);
            return endpoints;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<IssuerMetadataDocument?> FetchAsync(TrustedIssuerOptions issuer, CancellationToken cancellationToken)
    {
        if (_http is null)
        {
            LogMetadataFailed(_logger, issuer.Issuer, "no HTTP client");
            return null;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, issuer.MetadataUri);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            // Exactly 200: a redirect is a failure, never followed (the document names where keys and lists are).
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                LogMetadataFailed(_logger, issuer.Issuer, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var body = await BoundedContent.ReadAsync(response.Content, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                LogMetadataFailed(_logger, issuer.Issuer, $"document larger than {MaxDocumentBytes} bytes");
                return null;
            }

            return JsonSerializer.Deserialize(body, IssuerMetadataJsonContext.Default.IssuerMetadataDocument);
        }
        catch (JsonException)
        {
            LogMetadataFailed(_logger, issuer.Issuer, "not a valid metadata document");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogMetadataFailed(_logger, issuer.Issuer, ex.GetType().Name);
        }

        return null;
    }

    private IssuerEndpoints? Combine(TrustedIssuerOptions issuer, IssuerMetadataDocument document)
    {
        // As OpenID Connect Discovery §4.3: a document for another issuer is never used, or one issuer
        // could hand out another's keys.
        if (!string.Equals(document.Issuer, issuer.Issuer, StringComparison.Ordinal))
        {
            LogMetadataRefused(_logger, issuer.Issuer, "its issuer member does not equal the configured issuer");
            return null;
        }

        if (!TryReadUri(document.JwksUri, out var jwks) || !TryReadUri(document.StatusListBase, out var statusBase) ||
            !TryReadUri(document.StatusEventsUri, out var events))
        {
            LogMetadataRefused(_logger, issuer.Issuer, "a URI in it is not absolute https (or http on loopback)");
            return null;
        }

        var endpoints = new IssuerEndpoints(issuer.JwksUri ?? jwks, issuer.StatusListBase ?? statusBase, issuer.StatusEventsUri ?? events);
        if (endpoints.JwksUri is null && string.IsNullOrEmpty(issuer.JwksPath) && string.IsNullOrEmpty(issuer.Jwks))
        {
            LogMetadataRefused(_logger, issuer.Issuer, "it names no jwks_uri and none is configured");
            return null;
        }

        return endpoints;
    }

    private static bool TryReadUri(string? value, out Uri? uri)
    {
        uri = null;
        if (value is null)
        {
            return true;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out uri) && CredentialVerifierOptionsValidator.IsHttpsOrLoopback(uri) &&
               string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Issuer {Issuer} metadata resolved: jwks {JwksUri}, status lists {StatusListBase}, events {StatusEventsUri}")]
    private static partial void LogMetadataResolved(ILogger logger, string issuer, string? jwksUri, string? statusListBase, string? statusEventsUri);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Could not read the metadata document of issuer {Issuer} ({Cause}); retrying later, its credentials are denied meanwhile where it is needed")]
    private static partial void LogMetadataFailed(ILogger logger, string issuer, string cause);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "Refused the metadata document of issuer {Issuer}: {Cause}. Fix the issuer's metadata or configure the endpoints explicitly")]
    private static partial void LogMetadataRefused(ILogger logger, string issuer, string cause);

    private sealed class State(TrustedIssuerOptions options)
    {
        public TrustedIssuerOptions Options { get; } = options;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile IssuerEndpoints? Resolved;

        public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;
    }
}
