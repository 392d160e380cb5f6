using System.Globalization;
using System.Net;
using ExecGov.Credentials.Verifier.Http;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Fetching, verifying and applying status list tokens; polling.</summary>
public sealed partial class StatusListStatusSource
{
    private const string StatusListMediaType = "application/statuslist+jwt";

    /// <summary>
    /// Starts a fetch of <paramref name="entry"/> unless one is in flight (single flight) and answers the fetch in
    /// flight. When <paramref name="rateLimited"/>, a fetch that started less than
    /// <see cref="StatusListOptions.MinimumRefetchInterval"/> ago is not repeated. The task never faults.
    /// </summary>
    internal Task StartFetch(IssuerStatusState state, StatusListEntry entry, bool rateLimited)
    {
        lock (entry.Gate)
        {
            if (entry.InFlight is { IsCompleted: false } inFlight)
            {
                return inFlight;
            }

            var now = _time.GetUtcNow();
            if (rateLimited && now - entry.LastAttempt < _options.MinimumRefetchInterval)
            {
                return Task.CompletedTask;
            }

            entry.LastAttempt = now;

            // Task.Run: the fetch must not run inline under the gate, and its caller may be a verification.
            entry.InFlight = Task.Run(() => FetchAsync(state, entry));
            return entry.InFlight;
        }
    }

    /// <summary>Completes when every fetch in flight now has finished (for tests and orderly shutdown).</summary>
    internal Task WhenFetchesDoneAsync()
    {
        var inFlight = new List<Task>();
        foreach (var state in _issuers.Values)
        {
            foreach (var entry in state.Lists.Values)
            {
                lock (entry.Gate)
                {
                    if (entry.InFlight is { IsCompleted: false } task)
                    {
                        inFlight.Add(task);
                    }
                }
            }
        }

        return Task.WhenAll(inFlight);
    }

    /// <summary>Starts every fetch that is due: each held list every poll interval, lists known to be behind at once (rate-limited).</summary>
    internal void PollDue()
    {
        var now = _time.GetUtcNow();
        foreach (var state in _issuers.Values)
        {
            foreach (var entry in state.Lists.Values)
            {
                bool due;
                lock (entry.Gate)
                {
                    if (entry.InFlight is { IsCompleted: false })
                    {
                        due = false;
                    }
                    else if (entry.NeedsRefetch)
                    {
                        due = now >= entry.RefetchNotBefore && now - entry.LastAttempt >= _options.MinimumRefetchInterval;
                    }
                    else
                    {
                        // A list never fetched successfully is fetched when a verification needs it, not polled.
                        due = entry.Current is { } snapshot && now - entry.LastAttempt >= PollInterval(entry, snapshot);
                    }
                }

                if (due)
                {
                    StartFetch(state, entry, rateLimited: false);
                }
            }
        }
    }

    /// <summary>
    /// The token's <c>ttl</c> (less one poll tick), and at most half <see cref="StatusListOptions.MaxStatusAge"/>: only
    /// a verified token (or a <c>304</c> for it) confirms a list, stream or not, so a list must not go stale between two
    /// polls. After failures: backoff from <see cref="StatusListOptions.MinimumRefetchInterval"/>.
    /// </summary>
    private TimeSpan PollInterval(StatusListEntry entry, StatusListSnapshot snapshot)
    {
        var interval = snapshot.TimeToLive;
        if (interval > _options.MaxStatusAge / 2)
        {
            interval = _options.MaxStatusAge / 2;
        }

        // Polls start on the background service's tick, so a poll due exactly at ttl would start up to a tick late
        // and a revocation could take ttl + tick to arrive. Due one tick early instead (ttl is at least 1 s), every
        // poll starts within (ttl - tick, ttl]: no copy is relied on for longer than ttl plus the fetch itself.
        interval -= StatusListBackgroundService.PollTick;

        if (entry.ConsecutiveFailures > 0)
        {
            var backoff = _options.MinimumRefetchInterval * Math.Pow(2, Math.Min(entry.ConsecutiveFailures - 1, 6));
            interval = backoff < interval ? backoff : interval;
        }

        return interval;
    }

    private async Task FetchAsync(IssuerStatusState state, StatusListEntry entry)
    {
        var held = entry.Current;
        try
        {
            using var timeout = new CancellationTokenSource(_options.FetchTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, entry.Uri);
            request.Headers.Accept.ParseAdd(StatusListMediaType);
            // The ETag names the version, not the token: past half its lifetime the held token is fetched anew
            // even when unchanged, so a re-signed token with a later exp replaces it before it expires.
            if (held?.ETag is { } etag && !IsPastHalfLife(held, _time.GetUtcNow()))
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified && held is not null)
            {
                state.Heard(_time.GetUtcNow());
                ConfirmUnchanged(entry, held);
                return;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                Failed(entry, $"HTTP {(int)response.StatusCode}");
                return;
            }

            var body = await BoundedContent.ReadAsync(response.Content, _options.MaxTokenBytes, linked.Token).ConfigureAwait(false);
            state.Heard(_time.GetUtcNow());
            var (check, fetched) = body is null
                ? (StatusListTokenCheck.TooLarge, null)
                : await StatusListTokenValidator.ValidateAsync(body.TrimEnd(), entry.Uri, state.Issuer, _keys, _time.GetUtcNow(), _options, linked.Token).ConfigureAwait(false);
            if (check != StatusListTokenCheck.Valid)
            {
                LogTokenRefused(_logger, entry.Uri, check.ToString());
                Failed(entry, cause: null);
                return;
            }

            Apply(entry, fetched! with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            if (!_stopping.IsCancellationRequested)
            {
                Failed(entry, ex is OperationCanceledException ? "timed out" : ex.GetType().Name);
            }
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A background fetch must never fault: an unexpected failure keeps the old data, which ages and then denies.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFetchFault(_logger, entry.Uri, ex.GetType().Name);
            Failed(entry, cause: null);
        }
    }

    /// <summary>A <c>304</c>: the issuer still publishes the version held, so the held state is confirmed now.</summary>
    private void ConfirmUnchanged(StatusListEntry entry, StatusListSnapshot asked)
    {
        var now = _time.GetUtcNow();
        lock (entry.Gate)
        {
            entry.ConsecutiveFailures = 0;
            var current = entry.Current;

            // Only if nothing moved meanwhile (an event may have advanced the list past what the 304 speaks for).
            if (current is null || !ReferenceEquals(current.List, asked.List) || current.Version != asked.Version)
            {
                return;
            }

            if (current.Version is { } version && version < entry.AnnouncedVersion)
            {
                // The issuer announced a newer version than it now serves (a cache in between?): still behind.
                entry.NeedsRefetch = true;
                entry.Current = current with { ConfirmedAt = DateTimeOffset.MinValue };
                return;
            }

            entry.NeedsRefetch = false;
            entry.Current = current with { ConfirmedAt = now, SignedAt = now };
        }

        LogListConfirmed(_logger, entry.Uri, asked.Version ?? -1);
    }

    /// <summary>Takes a verified token unless it would roll the list back; decides whether the list is now current.</summary>
    private void Apply(StatusListEntry entry, StatusListSnapshot fetched)
    {
        var now = _time.GetUtcNow();
        bool behind;
        lock (entry.Gate)
        {
            entry.ConsecutiveFailures = 0;
            var current = entry.Current;

            // No roll-back (docs/revocation.md §2): never replace what is held with an older list.
            if (IsOlder(fetched, current, entry.HighestFetchedVersion, out var benign))
            {
                if (benign)
                {
                    // Events already moved the list past this copy; nothing is wrong.
                    LogFetchedOlderThanEvents(_logger, entry.Uri, fetched.Version ?? -1, current?.Version ?? -1);
                }
                else
                {
                    LogRollbackRefused(_logger, entry.Uri, fetched.Version ?? -1, entry.HighestFetchedVersion);
                }

                return;
            }

            if (fetched.Version is { } version)
            {
                entry.HighestFetchedVersion = Math.Max(entry.HighestFetchedVersion, version);
                behind = version < entry.AnnouncedVersion;
            }
            else
            {
                behind = false;
            }

            entry.NeedsRefetch = behind;
            entry.Current = fetched with { ConfirmedAt = behind ? DateTimeOffset.MinValue : now, SignedAt = now };
        }

        LogListFetched(_logger, entry.Uri, fetched.Version ?? -1, fetched.List.Capacity, behind);
    }

    private static bool IsPastHalfLife(StatusListSnapshot snapshot, DateTimeOffset now) =>
        snapshot.ExpiresAt is { } expires &&
        (expires - now).TotalSeconds < (expires.ToUnixTimeSeconds() - snapshot.IssuedAt) / 2.0;

    private static bool IsOlder(StatusListSnapshot fetched, StatusListSnapshot? current, long highestFetched, out bool benign)
    {
        benign = false;
        if (fetched.Version is { } version)
        {
            if (version < highestFetched)
            {
                return true;
            }

            benign = current?.Version is { } held && version < held;
            return benign;
        }

        // Without versions, iat orders tokens; a list that once had versions never loses them (a downgrade).
        return highestFetched >= 0 || (current is not null && fetched.IssuedAt < current.IssuedAt);
    }

    private void Failed(StatusListEntry entry, string? cause)
    {
        lock (entry.Gate)
        {
            entry.ConsecutiveFailures = Math.Min(entry.ConsecutiveFailures + 1, 1000);
        }

        if (cause is not null)
        {
            LogFetchFailed(_logger, entry.Uri, cause);
        }
    }

    private static string ETagFor(long version) => string.Concat("\"", version.ToString(CultureInfo.InvariantCulture), "\"");
}
