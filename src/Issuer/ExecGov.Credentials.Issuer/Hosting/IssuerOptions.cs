namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// The issuer's configuration (section <c>Issuer</c>). Every default is the safe choice for a loopback
/// development run; <see cref="IssuerOptionsValidator"/> refuses unsafe or inconsistent values at start-up.
/// </summary>
public sealed class IssuerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Issuer";

    /// <summary>
    /// The issuer identifier written to <c>iss</c> of every credential and admin token; an absolute URI
    /// (https in production). Default <c>http://127.0.0.1:5080</c>, matching the default listen URL.
    /// </summary>
    public string IssuerId { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The folder for the LiteDB file, generated keys and the bootstrap secret. Default <c>./data</c>.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// An external keyset file (see <c>SigningKeySet</c>). Default: none, so a keyset is generated on first
    /// run at <c>{DataPath}/issuer-keyset.json</c> (mode 0600). A configured file must exist: it is never generated.
    /// </summary>
    public string? KeySetPath { get; set; }

    /// <summary>
    /// Whether a keyset marked <c>development_only</c> (such as <c>keys.sample</c>) may be loaded. Default false;
    /// true is refused outside the Development environment.
    /// </summary>
    public bool AllowDevelopmentKeys { get; set; }

    /// <summary>The lifetime of a credential when the request names none, capped by the agent's maximum. Default 15 minutes.</summary>
    public TimeSpan DefaultCredentialLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The hard cap on any credential's lifetime and on an agent's maximum. Default 1 hour; at most 24 hours.</summary>
    public TimeSpan MaxCredentialLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a pending approval request waits for a decision, and an approved one for collection. Default 1 hour.</summary>
    public TimeSpan ApprovalTimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest validity (<c>exp - iat</c>) of an agent assertion. Default 5 minutes; at most 10 minutes.</summary>
    public TimeSpan MaxAssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock skew tolerated on agent assertions. Default 30 seconds; at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The absolute base URL under which clients reach this service; the metadata document builds the JWKS,
    /// token and API locations from it, and it is the default of <c>Revocation:PublicBaseUri</c> (the prefix of
    /// every status-list URI put in credentials, so it must stay the same for as long as they live).
    /// Default: <see cref="IssuerId"/>.
    /// </summary>
    public string? PublicBaseUri { get; set; }

    /// <summary>Token-endpoint requests allowed per client IP address and minute. Default 30.</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Agent-API requests allowed per client IP address and minute. Default 300.</summary>
    public int AgentRequestsPerMinute { get; set; } = 300;

    /// <summary>The lifetime of embedded admin access tokens. Default 10 minutes; at most 1 hour.</summary>
    public TimeSpan AdminTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The client id of the admin created on first start (roles admin, responder, auditor). Default <c>bootstrap-admin</c>.</summary>
    public string BootstrapClientId { get; set; } = "bootstrap-admin";

    /// <summary>The person the bootstrap admin acts for. Default <c>bootstrap-admin</c>; must differ from <see cref="BootstrapApproverPerson"/>.</summary>
    public string BootstrapPerson { get; set; } = "bootstrap-admin";

    /// <summary>The client id of the approver created on first start (role approver only). Default <c>bootstrap-approver</c>.</summary>
    public string BootstrapApproverClientId { get; set; } = "bootstrap-approver";

    /// <summary>The person the bootstrap approver acts for: someone other than the bootstrap admin. Default <c>bootstrap-approver</c>.</summary>
    public string BootstrapApproverPerson { get; set; } = "bootstrap-approver";

    /// <summary>
    /// The window in which failures anyone can cause (failed sign-ins, failed agent assertions) are audited
    /// once and then only counted. Default 1 minute; between 1 second and 1 hour.
    /// </summary>
    public TimeSpan AnonymousFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether every committed write is checkpointed to the data file before it is acknowledged, so an
    /// acknowledged issuance survives a crash. Default true; turn off only for throw-away test data.
    /// </summary>
    public bool DurableWrites { get; set; } = true;
}
