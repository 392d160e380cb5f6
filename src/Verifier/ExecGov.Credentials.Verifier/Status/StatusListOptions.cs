namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// How the status-list source (<see cref="StatusListStatusSource"/>) fetches, trusts and ages revocation status
/// (docs/revocation.md, docs/verifier.md). Where each issuer publishes its lists is configured on
/// <see cref="TrustedIssuerOptions"/>. Every default is the safe choice; values are validated at start-up.
/// </summary>
public sealed class StatusListOptions
{
    /// <summary>
    /// The oldest status information the verifier answers from: a list whose last confirmation (a verified fetch or a
    /// <c>304</c> for the held token; unsigned stream messages never count) is older than this denies with
    /// <c>status_unavailable</c>. Default 60 s; between 1 s and 1 hour.
    /// </summary>
    public TimeSpan MaxStatusAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a verification waits for the first fetch of a list it has never seen before answering
    /// <c>status_unavailable</c>. Default 2 s; more than 0 and at most 30 s.
    /// </summary>
    public TimeSpan FirstFetchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest time one fetch of a status list token may take. Default 10 s; at least <see cref="FirstFetchTimeout"/>, at most 2 minutes.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The least time between two fetches of one list caused by verifications, failures or a list known to be
    /// behind (polls at <c>ttl</c> and event-driven refetches of a list that is not being fetched are not
    /// delayed by it). Default 1 s; between 100 ms and 1 minute.
    /// </summary>
    public TimeSpan MinimumRefetchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The poll interval for a list whose token carries no <c>ttl</c>. Default 30 s; between 1 s and 1 hour.</summary>
    public TimeSpan DefaultTimeToLive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most lists held per issuer; a credential naming one more list is denied <c>status_unavailable</c>. Default 1,024; 1 to 100,000.</summary>
    public int MaxListsPerIssuer { get; set; } = 1024;

    /// <summary>The longest status list token accepted, in bytes. Default 4 MiB; 1 KiB to 64 MiB.</summary>
    public int MaxTokenBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest decompressed list accepted, in bytes (a compression bomb stops inflating here). Default 4 MiB,
    /// i.e. 16,777,216 entries at 2 bits; 1 byte to 64 MiB.
    /// </summary>
    public int MaxListBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Whether to subscribe to each issuer's event stream (push). Default true; without it the verifier only polls,
    /// and a list's status is at most <see cref="MaxStatusAge"/> old but a revocation may take that long to arrive.
    /// </summary>
    public bool UseEventStream { get; set; } = true;

    /// <summary>A stream that delivers nothing (not even a heartbeat) for this long is dropped and reconnected. Default 30 s; 1 s to 10 minutes.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first reconnect delay after the stream drops; doubled per failed attempt. Default 500 ms; 10 ms to 1 minute.</summary>
    public TimeSpan StreamReconnectMinimumDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest reconnect delay. Default 30 s; at least <see cref="StreamReconnectMinimumDelay"/>, at most 10 minutes.</summary>
    public TimeSpan StreamReconnectMaximumDelay { get; set; } = TimeSpan.FromSeconds(30);
}
