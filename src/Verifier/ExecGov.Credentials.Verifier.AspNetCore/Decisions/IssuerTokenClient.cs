using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Gets and caches an admin access token with the OAuth 2.0 client-credentials grant (RFC 6749 §4.4,
/// <c>client_secret_post</c>) from the issuer's token endpoint. Hand-written because it is one form POST and one
/// JSON read: a general OAuth client (OpenIddict's) would need discovery and its own host wiring for this. The
/// token and secret are never logged. Shared by the shipping loop and the status event stream's authorization
/// (<see cref="IssuerEventStreamToken"/>): one fetch at a time, the others wait for its result.
/// </summary>
internal sealed partial class IssuerTokenClient(IHttpClientFactory http, DecisionShipperOptions options, TimeProvider time, ILogger logger)
{
    // Renew this long before expiry, so a token does not expire between the check and the issuer reading it.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile Cached? _cached;

    /// <summary>Why the last attempt got no token (no secrets), for callers that log it themselves.</summary>
    public string? LastFailure { get; private set; }

    public void Invalidate() => _cached = null;

    /// <summary>
    /// The cached token, or a new one; null when none could be obtained (logged, without secrets, unless
    /// <paramref name="logFailures"/> is false: the caller logs it then).
    /// </summary>
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken, bool logFailures = true)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else may have fetched one while this caller waited.
            return Fresh() ?? await FetchAsync(logFailures, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fetch.Release();
        }
    }

    private string? Fresh() => _cached is { } cached && time.GetUtcNow() < cached.ExpiresAt - ExpiryMargin ? cached.Token : null;

    private async Task<string?> FetchAsync(bool logFailures, CancellationToken cancellationToken)
    {
        _cached = null;
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", options.ClientId),
            new("client_secret", options.ClientSecret),
        };
        if (!string.IsNullOrEmpty(options.Scope))
        {
            form.Add(new("scope", options.Scope));
        }

        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var client = http.CreateClient(DecisionShipper.HttpClientName);
            using var response = await client.PostAsync(options.TokenUri, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Refused((int)response.StatusCode, logFailures);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } value)
            {
                return Refused((int)response.StatusCode, logFailures);
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, 86_400))
                : TimeSpan.FromMinutes(5);
            _cached = new Cached(value, time.GetUtcNow() + lifetime);
            LastFailure = null;
            return value;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return Unavailable(ex.GetType().Name, logFailures);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable("timeout", logFailures);
        }
    }

    private string? Refused(int status, bool log)
    {
        LastFailure = "the token endpoint answered HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (log)
        {
            LogTokenRefused(logger, status);
        }

        return null;
    }

    private string? Unavailable(string cause, bool log)
    {
        LastFailure = cause;
        if (log)
        {
            LogTokenUnavailable(logger, cause);
        }

        return null;
    }

    private sealed record Cached(string Token, DateTimeOffset ExpiresAt);

    [LoggerMessage(EventId = 3110, EventName = "ShippingTokenRefused", Level = LogLevel.Warning,
        Message = "The issuer's token endpoint refused the decision shipper's client credentials (HTTP {Status}); check DecisionShipping:ClientId/ClientSecret and the client's 'verifier' role")]
    private static partial void LogTokenRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3111, EventName = "ShippingTokenUnavailable", Level = LogLevel.Warning,
        Message = "No token for shipping decision records ({Cause})")]
    private static partial void LogTokenUnavailable(ILogger logger, string cause);
}
