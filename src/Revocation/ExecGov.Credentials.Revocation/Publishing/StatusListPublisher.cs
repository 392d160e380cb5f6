using System.Collections.Concurrent;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Status;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Revocation.Publishing;

/// <summary>
/// Holds every list's entries and its cached signed token. The registry's writer thread is the only one
/// that changes entries and calls <see cref="Publish"/>; request threads call <see cref="Get"/>, which
/// re-signs (same version, same <c>lst</c>) when the token is past half its lifetime or was signed by a key
/// that is no longer the current one, so a rotation or compromise takes effect on the next fetch.
/// </summary>
internal sealed class StatusListPublisher
{
    /// <summary>This project writes 2 bits per entry: 0 valid, 1 invalid, 2 suspended.</summary>
    public const int Bits = 2;

    private readonly ConcurrentDictionary<int, Slot> _slots = new();
    private readonly IStatusListSigningKeyProvider _keys;
    private readonly TimeProvider _time;
    private readonly ListUris _uris;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _ttl;
    private readonly ILogger _logger;

    public StatusListPublisher(RevocationOptions options, IStatusListSigningKeyProvider keys, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _time = time;
        _logger = logger;
        _uris = new ListUris(options.PublicBaseUri ?? throw new ArgumentException("PublicBaseUri is required.", nameof(options)));
        _lifetime = options.TokenLifetime;
        _ttl = options.TimeToLive;
    }

    public ListUris Uris => _uris;

    public IEnumerable<int> ListIds => _slots.Keys.Order();

    /// <summary>Starts tracking a list of <paramref name="size"/> entries, all valid (writer thread).</summary>
    public StatusList AddList(int listId, int size)
    {
        var slot = new Slot(listId, _uris.For(listId), new StatusList(size, Bits));
        if (!_slots.TryAdd(listId, slot))
        {
            throw new InvalidOperationException($"List {listId} is already published.");
        }

        return slot.Entries;
    }

    /// <summary>The mutable entries of a list (writer thread only).</summary>
    public StatusList Entries(int listId) => _slots[listId].Entries;

    /// <summary>Encodes the list as it is now and signs it as <paramref name="version"/> (writer thread).</summary>
    public void Publish(int listId, long version)
    {
        var slot = _slots[listId];
        var unsigned = new PublishedStatusList(listId, slot.Uri, version, slot.Entries.Encode(), null, default, null);
        Volatile.Write(ref slot.Current, unsigned);
        try
        {
            _ = Sign(slot, unsigned);
        }
        catch (StatusListUnavailableException)
        {
            // Logged in Sign. The next fetch tries again; until then the list answers 503, never a stale token.
        }
    }

    /// <summary>
    /// The list's current token, re-signed first when needed; null when no such list exists. Throws only when
    /// signing fails (no key), which the endpoint answers with 503: never an unsigned or stale answer.
    /// </summary>
    public PublishedStatusList? Get(int listId)
    {
        if (!_slots.TryGetValue(listId, out var slot))
        {
            return null;
        }

        var current = Volatile.Read(ref slot.Current);
        if (current is null)
        {
            return null;
        }

        if (current.Token is not null && _time.GetUtcNow() - current.IssuedAt < _lifetime / 2 &&
            string.Equals(_keys.GetSigningKey().KeyId, current.KeyId, StringComparison.Ordinal))
        {
            return current;
        }

        return Sign(slot, current);
    }

    private PublishedStatusList Sign(Slot slot, PublishedStatusList source)
    {
        PublishedStatusList signed;
        try
        {
            var key = _keys.GetSigningKey();
            var now = _time.GetUtcNow();
            var iat = now.ToUnixTimeSeconds();
            var token = StatusListTokenWriter.Sign(new StatusListTokenClaims
            {
                Subject = source.Uri,
                IssuedAt = iat,
                Expires = iat + (long)_lifetime.TotalSeconds,
                TimeToLive = (long)_ttl.TotalSeconds,
                Version = source.Version,
                StatusList = new StatusListClaim { Bits = Bits, List = source.Lst },
            }, key);
            signed = source with { Token = token, IssuedAt = DateTimeOffset.FromUnixTimeSeconds(iat), KeyId = key.KeyId };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ObjectDisposedException)
        {
            RevocationLog.SigningFailed(_logger, slot.ListId, source.Version, ex.GetType().Name);
            throw new StatusListUnavailableException(slot.ListId, ex);
        }

        // Replace only what was read: when the writer published a newer version meanwhile, keep that.
        var previous = Interlocked.CompareExchange(ref slot.Current, signed, source);
        return ReferenceEquals(previous, source) ? signed : Get(slot.ListId) ?? signed;
    }

    private sealed class Slot(int listId, string uri, StatusList entries)
    {
        public int ListId { get; } = listId;

        public string Uri { get; } = uri;

        public StatusList Entries { get; } = entries;

#pragma warning disable SA1401, CA1051 // A field, so Volatile and Interlocked can work on it.
        public PublishedStatusList? Current;
#pragma warning restore SA1401, CA1051
    }
}
