using System.Globalization;
using System.Text.Json;

namespace ExecGov.Credentials.Http.Tokens;

/// <summary>
/// The one client of the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) against the issuer's token endpoint,
/// with a client secret (<c>client_secret_post</c>) or a signed client assertion (RFC 7523): one form POST and one
/// JSON read. A token is cached until shortly before it expires; one fetch runs at a time and concurrent callers
/// wait for its result. Behaviour on failure is fixed: a 4xx answer is a refusal (no retry helps), anything else
/// (no answer, 5xx, a body without a token) is unavailability; neither throws. Retrying is the caller's choice,
/// made on the <see cref="HttpClient"/> it hands in. Hand-written because a general OAuth client (OpenIddict's)
/// needs discovery and host wiring for what is one request here.
/// </summary>
public sealed class ClientCredentialsTokenClient
{
    // Renew this long before expiry, so a token does not expire between the check and the issuer reading it.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    // Used when the answer has no expires_in; the issuer always sends one.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    // A token lifetime beyond a day is not believed: cached at most that long.
    private const long MaxLifetimeSeconds = 86_400;

    private readonly Func<HttpClient> _client;
    private readonly bool _disposeClient;
    private readonly Uri _tokenEndpoint;
    private readonly KeyValuePair<string, string>[] _form;
    private readonly TimeProvider _time;
    // Never disposed: a SemaphoreSlim holds unmanaged state only once its wait handle is asked for, which is never.
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile TokenResult? _cached;

    /// <summary>Creates a client that signs in with <paramref name="form"/> (its <c>grant_type</c> is set here).</summary>
    /// <param name="client">Creates the HTTP client of each request (e.g. from <c>IHttpClientFactory</c>); disposed after it.</param>
    /// <param name="tokenEndpoint">The issuer's token endpoint.</param>
    /// <param name="form">The client's credentials: <c>client_id</c> and <c>client_secret</c>, or the client assertion members, and an optional <c>scope</c>.</param>
    /// <param name="time">The clock that decides when a cached token is stale.</param>
    public ClientCredentialsTokenClient(Func<HttpClient> client, Uri tokenEndpoint, IEnumerable<KeyValuePair<string, string>> form, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _disposeClient = true;
        _tokenEndpoint = tokenEndpoint;
        _form = [new("grant_type", "client_credentials"), .. form.Where(p => p.Key != "grant_type")];
        _time = time;
    }

    /// <summary>Creates a client that sends every request with <paramref name="client"/>, which stays the caller's (never disposed here).</summary>
    public ClientCredentialsTokenClient(HttpClient client, Uri tokenEndpoint, IEnumerable<KeyValuePair<string, string>> form, TimeProvider time)
        : this(() => client, tokenEndpoint, form, time)
    {
        ArgumentNullException.ThrowIfNull(client);
        _disposeClient = false;
    }

    /// <summary>The form members of a client that signs in with a secret.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SecretForm(string clientId, string clientSecret, string? scope = null)
    {
        // Not checked here: options validation at start-up names a missing id or secret better than an exception would.
        yield return new("client_id", clientId ?? string.Empty);
        yield return new("client_secret", clientSecret ?? string.Empty);
        if (!string.IsNullOrEmpty(scope))
        {
            yield return new("scope", scope);
        }
    }

    /// <summary>The form members of a client that signs in with a signed assertion (RFC 7523 §2.2).</summary>
    public static IEnumerable<KeyValuePair<string, string>> AssertionForm(string clientId, string assertion)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(assertion);
        yield return new("client_id", clientId);
        yield return new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        yield return new("client_assertion", assertion);
    }

    /// <summary>Forgets the cached token (the issuer refused it: expired or revoked); the next call signs in again.</summary>
    public void Invalidate() => _cached = null;

    /// <summary>The cached token while it is fresh, else the answer of a new request.</summary>
    public async ValueTask<TokenResult> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else may have fetched one while this caller waited.
            if (Fresh() is { } fetched)
            {
                return fetched;
            }

            _cached = null;
            var result = await RequestAsync(cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                _cached = result;
            }

            return result;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>One token request, not cached.</summary>
    public async Task<TokenResult> RequestAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var content = new FormUrlEncodedContent(_form);
            var client = _client();
            using var owned = _disposeClient ? client : null;
            using var response = await client.PostAsync(_tokenEndpoint, content, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = TryParse(text);
            var root = document?.RootElement;
            if (response.IsSuccessStatusCode &&
                root is { ValueKind: JsonValueKind.Object } answer &&
                answer.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value)
            {
                var lifetime = answer.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(Math.Min(seconds, MaxLifetimeSeconds))
                    : DefaultLifetime;
                return new TokenResult(value, _time.GetUtcNow() + lifetime, Refused: false, status, Error: null, Cause: null);
            }

            // RFC 6749 §5.2: {"error", "error_description"}; the description may echo input, so only the code is kept.
            var error = root is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var refused = status is >= 400 and < 500;
            var cause = "the token endpoint answered HTTP " + status.ToString(CultureInfo.InvariantCulture) + (error is null ? string.Empty : $" ({error})");
            return new TokenResult(null, default, refused, status, error, response.IsSuccessStatusCode ? "the token endpoint's answer holds no access_token" : cause)
            {
                FailedBody = text,
            };
        }
        catch (HttpRequestException ex)
        {
            return Unavailable(ex.HttpRequestError.ToString(), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable("timeout", ex);
        }
    }

    private TokenResult? Fresh() => _cached is { } cached && _time.GetUtcNow() < cached.ExpiresAt - ExpiryMargin ? cached : null;

    private static TokenResult Unavailable(string cause, Exception exception) =>
        new(null, default, Refused: false, Status: 0, Error: null, Cause: "the token endpoint could not be reached: " + cause) { Exception = exception };

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
