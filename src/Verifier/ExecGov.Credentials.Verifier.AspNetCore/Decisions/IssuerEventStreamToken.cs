using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Puts the decision shipper's <c>verifier</c>-role admin token on the status source's revocation event-stream
/// request to the issuer the shipper ships to, so the verifier takes one of the issuer's reserved subscriber places
/// (docs/revocation.md, <c>ReservedEventSubscribers</c>) instead of competing with anonymous subscribers. Only that
/// request: a GET asking for <c>text/event-stream</c> whose scheme, host and port are those of
/// <see cref="DecisionShipperOptions.IssuerUrl"/>; status-list fetches and other hosts never see the token.
/// Fails open for push only: without a token the stream connects anonymously (logged once per outage), and
/// verification stays fail-closed either way (lists still age and deny when unconfirmed).
/// </summary>
internal sealed partial class IssuerEventStreamToken(DecisionShipper shipper, IOptions<DecisionShipperOptions> options, TimeProvider time, ILogger<IssuerEventStreamToken> logger)
{
    /// <summary>After a failed attempt, connect anonymously this long without asking again (a reconnect is not held up).</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    /// <summary>Longest a stream connection waits for a token before connecting anonymously.</summary>
    internal static readonly TimeSpan TokenWait = TimeSpan.FromSeconds(5);

    private const string EventStreamMediaType = "text/event-stream";
    private long _noTokenUntilTicks;
    private int _anonymousLogged;

    /// <summary>Whether <paramref name="request"/> is an event-stream request to the shipper's issuer.</summary>
    public bool Applies(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is not { IsAbsoluteUri: true } uri ||
            options.Value.IssuerUrl is not { IsAbsoluteUri: true } issuer || request.Headers.Authorization is not null)
        {
            return false;
        }

        return Uri.Compare(uri, issuer, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0 &&
               request.Headers.Accept.Any(a => string.Equals(a.MediaType, EventStreamMediaType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Adds <c>Authorization: Bearer</c> when a token can be had; leaves the request anonymous otherwise.</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _noTokenUntilTicks))
        {
            return;
        }

        string? token;
        string cause;
        try
        {
            using var wait = new CancellationTokenSource(TokenWait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, cancellationToken);
            var signIn = await shipper.Tokens.GetAsync(linked.Token).ConfigureAwait(false);
            token = signIn.AccessToken;
            cause = signIn.Cause ?? "no token";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            token = null;
            cause = "timeout";
        }

        if (token is null)
        {
            Interlocked.Exchange(ref _noTokenUntilTicks, (time.GetUtcNow() + RetryAfterFailure).UtcTicks);
            if (Interlocked.Exchange(ref _anonymousLogged, 1) == 0)
            {
                LogConnectingAnonymously(logger, cause);
            }

            return;
        }

        if (Interlocked.Exchange(ref _anonymousLogged, 0) == 1)
        {
            LogTokenBack(logger);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The issuer refused the token (expired or revoked): the next connection signs in again.</summary>
    public void Refused() => shipper.Tokens.Invalidate();

    [LoggerMessage(EventId = 3120, EventName = "EventStreamTokenUnavailable", Level = LogLevel.Warning,
        Message = "No verifier token for the issuer's revocation event stream ({Cause}); subscribing anonymously, without a reserved place, until one can be had. Verification is unaffected")]
    private static partial void LogConnectingAnonymously(ILogger logger, string cause);

    [LoggerMessage(EventId = 3121, EventName = "EventStreamTokenAvailable", Level = LogLevel.Information,
        Message = "The revocation event stream subscribes with the verifier token again")]
    private static partial void LogTokenBack(ILogger logger);
}
