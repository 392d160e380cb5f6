namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Where and how decision records are shipped to the issuer's audit trail (<c>POST /v1/decisions</c>, role
/// <c>verifier</c>, docs/decision-records.md). Validated at start-up.
/// </summary>
public sealed class DecisionShipperOptions
{
    /// <summary>
    /// The issuer's base URL, e.g. <c>https://issuer.example</c>; records go to <c>{IssuerUrl}/v1/decisions</c>.
    /// Required; https, or http on loopback only.
    /// </summary>
    public Uri? IssuerUrl { get; set; }

    /// <summary>The OAuth token endpoint for the client-credentials grant. Default: none, which uses <c>{IssuerUrl}/connect/token</c>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The admin client id (an admin client with role <c>verifier</c>). Required.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The admin client's secret. Required; never logged. Keep it out of source: bind it from a secret store.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The <c>scope</c> asked for with the token, when the issuer needs one. Default: none.</summary>
    public string? Scope { get; set; }

    /// <summary>This verifier's instance name, sent as <c>verifier</c> in each batch. Default: the machine name.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>
    /// Records held while the issuer is slow or unreachable. Default 10,000; 1 to 1,000,000. When full, the OLDEST
    /// record is dropped to make room (counted in <see cref="DecisionShipper.Dropped"/>, logged as event 3103): a request
    /// never waits for the audit trail, and an incident responder sees the most recent decisions. Every record is
    /// still in the log (events 3001/3002).
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most records per POST. Default 100; 1 to 500 (the issuer refuses larger batches).</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Longest a record waits for its batch to fill. Default 2 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per batch (on network errors, timeouts, 401, 408, 429 and 5xx) before it is dropped. Default 8; 1 to 100.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; doubled per attempt up to <see cref="MaxBackoff"/>. Default 500 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest delay between retries. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the host's shutdown waits to ship what is still queued (one attempt per batch). Default 5 s.</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether denies whose credential could not be trusted (no verified credential id: no credential, bad signature,
    /// unknown issuer) are shipped too. Default false: they cannot appear in any credential's trace, and anyone can
    /// cause them, so they would only push real records out of the queue. They are always logged.
    /// </summary>
    public bool ShipUnverified { get; set; }

    internal Uri DecisionsUri => Combine(IssuerUrl!, "v1/decisions");

    internal Uri TokenUri => TokenEndpoint ?? Combine(IssuerUrl!, "connect/token");

    private static Uri Combine(Uri baseUri, string relative)
    {
        var text = baseUri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text + relative : text + "/" + relative);
    }
}
