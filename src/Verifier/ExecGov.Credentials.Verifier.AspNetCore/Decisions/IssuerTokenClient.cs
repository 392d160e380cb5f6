using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Gets and caches an admin access token with the OAuth 2.0 client-credentials grant (RFC 6749 §4.4,
/// <c>client_secret_post</c>) from the issuer's token endpoint. Hand-written because it is one form POST and one
/// JSON read: a general OAuth client (OpenIddict's) would need discovery and its own host wiring for this. The
/// token and secret are never logged. Used by one shipping loop at a time, so no locking.
/// </summary>
internal sealed partial class IssuerTokenClient(IHttpClientFactory http, DecisionShipperOptions options, TimeProvider time, ILogger logger)
{
    // Renew this long before expiry, so a token does not expire between the check and the issuer reading it.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private string? _token;
    private DateTimeOffset _expiresAt;

    public void Invalidate() => _token = null;

    /// <summary>The cached token, or a new one; null when none could be obtained (logged, without secrets).</summary>
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && time.GetUtcNow() < _expiresAt - ExpiryMargin)
        {
            return _token;
        }

        _token = null;
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
                LogTokenRefused(logger, (int)response.StatusCode);
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } value)
            {
                LogTokenRefused(logger, (int)response.StatusCode);
                return null;
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, 86_400))
                : TimeSpan.FromMinutes(5);
            _token = value;
            _expiresAt = time.GetUtcNow() + lifetime;
            return _token;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            LogTokenUnavailable(logger, ex.GetType().Name);
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTokenUnavailable(logger, "timeout");
            return null;
        }
    }

    [LoggerMessage(EventId = 3110, EventName = "ShippingTokenRefused", Level = LogLevel.Warning,
        Message = "The issuer's token endpoint refused the decision shipper's client credentials (HTTP {Status}); check DecisionShipping:ClientId/ClientSecret and the client's 'verifier' role")]
    private static partial void LogTokenRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3111, EventName = "ShippingTokenUnavailable", Level = LogLevel.Warning,
        Message = "No token for shipping decision records ({Cause})")]
    private static partial void LogTokenUnavailable(ILogger logger, string cause);
}
