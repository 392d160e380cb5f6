namespace ExecGov.Credentials.Revocation;

/// <summary>Settings for the revocation registry and its endpoints. Validated at start-up.</summary>
public sealed class RevocationOptions
{
    /// <summary>
    /// The LiteDB file to open when the host registers no store of its own (a host of the revocation domain alone).
    /// The issuer ignores it: revocation state lives in its one database. Default none: without a store and without
    /// this path, start-up fails rather than put state somewhere unexpected.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// The absolute base URI under which the endpoints are reachable by verifiers (for example
    /// <c>https://issuer.example</c>). A list's URI, which is its token's <c>sub</c>, is
    /// <c>{PublicBaseUri}/status-lists/{id}</c>. Required; must be https unless the host is loopback.
    /// </summary>
    public Uri? PublicBaseUri { get; set; }

    /// <summary>Entries per status list; a new list starts when one fills. Default 131072; 8 to 8388608, a multiple of 4.</summary>
    public int ListSize { get; set; } = 131_072;

    /// <summary>The <c>ttl</c> published in each status-list token: how often verifiers poll. Default 30 s.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A status-list token's lifetime (<c>exp</c> − <c>iat</c>); re-signed at half of it. Default 1 hour; at least twice <see cref="TimeToLive"/>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the event stream sends a heartbeat, which tells verifiers they are up to date. Default 5 s; 100 ms to 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many of the newest events are kept for replay after <c>Last-Event-ID</c>. A client that asks for
    /// older ones gets a <c>reset</c> event and refetches its lists. Default 100000; 1000 to 10000000.
    /// </summary>
    public int EventRetention { get; set; } = 100_000;

    /// <summary>
    /// How many event-stream subscribers are served at once. The stream is public (it must be, for verifiers), and
    /// each subscriber holds a connection open; past this number a new one is answered <c>503</c>
    /// <c>too_many_subscribers</c> with <c>Retry-After</c>, and polls meanwhile. Default 1000; 1 to 100000.
    /// </summary>
    public int MaxEventSubscribers { get; set; } = 1_000;

    /// <summary>
    /// How many anonymous event-stream subscribers one client address may hold at once, so one host cannot take
    /// every place. Subscribers that pass <see cref="ReservedSubscriberPolicy"/> are not counted against it.
    /// Behind a reverse proxy, forward the client address (ASP.NET Core forwarded headers), or every client shares
    /// the proxy's. Default 16; 1 to 100000.
    /// </summary>
    public int MaxEventSubscribersPerAddress { get; set; } = 16;

    /// <summary>
    /// The host's authorization policy that marks a subscriber as a trusted verifier (in the issuer: a token with
    /// the <c>verifier</c> role, sent as <c>Authorization: Bearer …</c> on the stream request). Such subscribers may
    /// take the <see cref="ReservedEventSubscribers"/> places anonymous ones never get. Default none: no places are
    /// kept, every subscriber is anonymous.
    /// </summary>
    public string? ReservedSubscriberPolicy { get; set; }

    /// <summary>
    /// Of <see cref="MaxEventSubscribers"/>, how many places are kept for subscribers that pass
    /// <see cref="ReservedSubscriberPolicy"/>, so anonymous clients filling the stream never lock verifiers out of
    /// push. Ignored without a policy. Default 100; at least 0 and less than <see cref="MaxEventSubscribers"/>.
    /// </summary>
    public int ReservedEventSubscribers { get; set; } = 100;

    /// <summary>
    /// The issuer's keyset file. When set, the default <see cref="ISigningKeyCompromiseHandler"/> marks a
    /// revoked signing key compromised in it. Default null (the host supplies its own handler).
    /// </summary>
    public string? KeySetPath { get; set; }
}
