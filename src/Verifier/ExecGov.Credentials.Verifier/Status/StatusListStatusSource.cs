using System.Collections.Frozen;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ExecGov.Credentials.Diagnostics;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// The revocation status of credentials from IETF OAuth Token Status Lists published by each trusted issuer
/// (docs/revocation.md): lists are fetched and verified against the issuer's keys, held in memory, kept current by
/// the issuer's event stream (push) and by polling every <c>ttl</c> (backstop), and answered from only while
/// confirmed within <see cref="StatusListOptions.MaxStatusAge"/>. Register it with
/// <see cref="StatusListServiceCollectionExtensions.AddStatusListStatusSource"/>, which also runs the background work.
/// </summary>
/// <remarks>
/// <para>Verification answers from memory with one volatile read when the list is held and fresh. A list never seen
/// before is fetched once (single flight) while the verification waits at most
/// <see cref="StatusListOptions.FirstFetchTimeout"/>. Only URIs under the issuer's configured or learnt status list
/// base are ever fetched: any other URI in a credential answers <see cref="CredentialStatus.Unavailable"/>.</para>
/// <para>Entry values: 0 <see cref="CredentialStatus.Valid"/>, 1 <see cref="CredentialStatus.Revoked"/>,
/// 2 <see cref="CredentialStatus.Suspended"/>; 3 and above (reserved or application-specific, possible with 4- and
/// 8-bit lists) and an index outside the list answer <see cref="CredentialStatus.Unavailable"/>, because the verifier
/// has no status it understands — <c>revoked</c> stays reserved for what the issuer actually revoked.</para>
/// </remarks>
public sealed partial class StatusListStatusSource : ICredentialStatusSource, IDisposable
{
    private static readonly ValueTask<CredentialStatus> Unavailable = ValueTask.FromResult(CredentialStatus.Unavailable);
    private readonly FrozenDictionary<string, IssuerStatusState> _issuers;
    private readonly StatusListOptions _options;
    private readonly IIssuerKeySource _keys;
    private readonly IssuerMetadataClient _metadata;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();

    internal StatusListStatusSource(
        IOptions<CredentialVerifierOptions> verifierOptions,
        IOptions<StatusListOptions> options,
        IIssuerKeySource keys,
        IssuerMetadataClient metadata,
        HttpClient http,
        TimeProvider time,
        ILogger<StatusListStatusSource>? logger)
    {
        ArgumentNullException.ThrowIfNull(verifierOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        var validation = new StatusListOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options.Value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(StatusListOptions), validation.Failures);
        }

        _options = options.Value;
        _keys = keys;
        _metadata = metadata;
        _http = http;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _issuers = verifierOptions.Value.Issuers.ToFrozenDictionary(i => i.Issuer, CreateState, StringComparer.Ordinal);
    }

    internal StatusListOptions Options => _options;

    internal IEnumerable<IssuerStatusState> Issuers => _issuers.Values;

    /// <inheritdoc />
    public ValueTask<CredentialStatus> GetStatusAsync(string issuer, StatusListReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(reference);
        if (!_issuers.TryGetValue(issuer, out var state))
        {
            return Unavailable;
        }

        // Hot path: a held list is answered from memory with one volatile read, no lock and no I/O.
        if (state.Lists.TryGetValue(reference.Uri, out var entry) && entry.Current is { } snapshot)
        {
            if (IsFresh(snapshot, _time.GetUtcNow()))
            {
                return ValueTask.FromResult(Read(snapshot.List, reference.Index));
            }

            // Stale or behind: deny now, and let one background fetch (rate-limited) bring it back.
            StartFetch(state, entry, rateLimited: true);
            return Unavailable;
        }

        return FirstFetchAsync(state, entry, reference, cancellationToken);
    }

    /// <summary>How fresh each issuer's status is now; no I/O.</summary>
    public IReadOnlyList<IssuerStatusHealth> GetHealth()
    {
        var now = _time.GetUtcNow();
        var report = new List<IssuerStatusHealth>(_issuers.Count);
        foreach (var state in _issuers.Values)
        {
            report.Add(Health(state, now));
        }

        return report;
    }

    /// <summary>Cancels fetches in progress. The background service stops the stream and polling.</summary>
    public void Dispose()
    {
        // Cancelled but not disposed: fetches still running read its token, and a source without a timer holds
        // nothing that needs disposing.
        _stopping.Cancel();
    }

    internal static CredentialStatus Read(StatusList list, int index)
    {
        if (!list.TryGet(index, out var value))
        {
            return CredentialStatus.Unavailable;
        }

        return value switch
        {
            StatusValue.Valid => CredentialStatus.Valid,
            StatusValue.Invalid => CredentialStatus.Revoked,
            StatusValue.Suspended => CredentialStatus.Suspended,

            // 3 is reserved here and application-specific in the draft; 4- and 8-bit lists can hold more.
            // Not understood is not valid: deny, and keep "revoked" for what the issuer revoked.
            _ => CredentialStatus.Unavailable,
        };
    }

    internal bool IsFresh(StatusListSnapshot snapshot, DateTimeOffset now) =>
        !snapshot.IsOutdated &&
        now - snapshot.ConfirmedAt <= _options.MaxStatusAge &&
        (snapshot.ExpiresAt is not { } expires || now < expires);

    /// <summary>Learns the issuer's status endpoints (explicit or from its metadata document); true when known.</summary>
    internal async ValueTask<bool> ResolveAsync(IssuerStatusState state, CancellationToken cancellationToken)
    {
        if (state.Endpoints is not null)
        {
            return true;
        }

        var endpoints = await _metadata.GetAsync(state.Issuer, cancellationToken).ConfigureAwait(false);
        if (endpoints is null)
        {
            return false;
        }

        if (endpoints.StatusListBase is not { } statusBase)
        {
            // Said once: the document is kept for the life of the process, so this will not change by itself.
            if (!state.ReportedNoStatusBase)
            {
                state.ReportedNoStatusBase = true;
                LogNoStatusEndpoints(_logger, state.Issuer);
            }

            return false;
        }

        state.Endpoints = new IssuerStatusEndpoints(new StatusListUriPrefix(statusBase), endpoints.StatusEventsUri);
        return true;
    }

    private static IssuerStatusState CreateState(TrustedIssuerOptions options)
    {
        var state = new IssuerStatusState(options);
        if (options.MetadataUri is null && options.StatusListBase is { } statusBase)
        {
            // Nothing to learn: known from the start.
            state.Endpoints = new IssuerStatusEndpoints(new StatusListUriPrefix(statusBase), options.StatusEventsUri);
        }

        return state;
    }

    private async ValueTask<CredentialStatus> FirstFetchAsync(IssuerStatusState state, StatusListEntry? entry, StatusListReference reference, CancellationToken cancellationToken)
    {
        try
        {
            if (state.Endpoints is null &&
                !await ResolveAsync(state, _stopping.Token).AsTask().WaitAsync(_options.FirstFetchTimeout, _time, cancellationToken).ConfigureAwait(false))
            {
                return CredentialStatus.Unavailable;
            }

            // RFC 8725 §3.10: the URI comes from the token; only the issuer's own list URIs are ever fetched.
            if (!state.Endpoints!.Lists.Contains(reference.Uri))
            {
                LogListOutsideBase(_logger, state.Issuer, LogText.Escape(reference.Uri), state.Endpoints.Lists.Prefix);
                return CredentialStatus.Unavailable;
            }

            entry ??= GetOrAddEntry(state, reference.Uri);
            if (entry is null)
            {
                return CredentialStatus.Unavailable;
            }

            if (entry.Current is null)
            {
                await StartFetch(state, entry, rateLimited: true).WaitAsync(_options.FirstFetchTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            return CredentialStatus.Unavailable;
        }

        return entry.Current is { } snapshot && IsFresh(snapshot, _time.GetUtcNow()) ? Read(snapshot.List, reference.Index) : CredentialStatus.Unavailable;
    }

    private StatusListEntry? GetOrAddEntry(IssuerStatusState state, string uri)
    {
        if (state.Lists.TryGetValue(uri, out var existing))
        {
            return existing;
        }

        // Bounded: credentials are issuer-signed, but a verifier must not hold (or poll) an unbounded number of lists.
        if (Interlocked.Increment(ref state.ListCount) > _options.MaxListsPerIssuer)
        {
            Interlocked.Decrement(ref state.ListCount);
            LogTooManyLists(_logger, state.Issuer, _options.MaxListsPerIssuer, LogText.Escape(uri));
            return null;
        }

        var created = new StatusListEntry(uri);
        if (!state.Lists.TryAdd(uri, created))
        {
            Interlocked.Decrement(ref state.ListCount);
            return state.Lists[uri];
        }

        // A version announced on the stream before the list was held is what its first fetch must reach.
        if (state.Announced.TryGetValue(uri, out var announced))
        {
            lock (created.Gate)
            {
                created.AnnouncedVersion = Math.Max(created.AnnouncedVersion, announced);
            }
        }

        return created;
    }

    private IssuerStatusHealth Health(IssuerStatusState state, DateTimeOffset now)
    {
        var endpoints = state.Endpoints;
        if (endpoints is null)
        {
            var configured = state.Options.StatusListBase is not null || state.Options.MetadataUri is not null;
            return new IssuerStatusHealth
            {
                Issuer = state.Issuer,
                IsReady = !configured,
                StreamConnected = false,
                Lists = 0,
                StaleLists = 0,
                Detail = configured
                    ? "the issuer's status endpoints are not known yet (its metadata document could not be read or names no status_list_base)"
                    : "the issuer publishes no status lists; its credentials that carry a status claim are denied (status_unavailable)",
            };
        }

        int lists = 0, stale = 0;
        DateTimeOffset? oldest = null;
        foreach (var entry in state.Lists.Values)
        {
            if (entry.Current is not { } snapshot)
            {
                continue;
            }

            lists++;
            if (!IsFresh(snapshot, now))
            {
                stale++;
            }

            if (!snapshot.IsOutdated && (oldest is null || snapshot.ConfirmedAt < oldest))
            {
                oldest = snapshot.ConfirmedAt;
            }
        }

        var heard = state.LastHeard;
        var streamExpected = _options.UseEventStream && endpoints.Events is not null;
        var recentlyHeard = heard is { } h && now - h <= _options.MaxStatusAge;
        bool ready;
        string detail;
        if (stale > 0)
        {
            ready = false;
            detail = $"{stale} of {lists} status lists are older than {_options.MaxStatusAge.TotalSeconds:0.###} s or behind; their credentials are denied (status_unavailable)";
        }
        else if (lists == 0 && streamExpected && !recentlyHeard)
        {
            ready = false;
            detail = "no status list is held yet and the issuer's event stream has not answered recently";
        }
        else
        {
            ready = true;
            detail = lists == 0 ? "no status list is held yet" : $"{lists} status lists are fresh";
        }

        return new IssuerStatusHealth
        {
            Issuer = state.Issuer,
            IsReady = ready,
            StreamConnected = state.StreamConnected,
            Lists = lists,
            StaleLists = stale,
            OldestConfirmedAt = oldest,
            LastHeardAt = heard,
            Detail = detail,
        };
    }
}
