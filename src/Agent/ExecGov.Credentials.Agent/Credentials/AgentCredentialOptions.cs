using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>
/// What credential to request from the issuer and how to keep it fresh. One set per target (named after the
/// <see cref="System.Net.Http.HttpClient"/> it serves). Validated at start-up (<see cref="AgentCredentialOptionsValidator"/>).
/// </summary>
public sealed class AgentCredentialOptions
{
    /// <summary>The target services' audience ids (the credential's <c>aud</c>). At least one; default none.</summary>
    public IList<string> Audience { get; } = new List<string>();

    /// <summary>The scope asked for (RFC 9396 shape, docs/credential-format.md). At least one; default none.</summary>
    public IList<AuthorizationDetail> AuthorizationDetails { get; } = new List<AuthorizationDetail>();

    /// <summary>The lifetime asked for. Default: none, which takes the issuer's default (15 minutes); the issuer caps it.</summary>
    public TimeSpan? Lifetime { get; set; }

    /// <summary>A session id to group credentials under (revoking the session revokes them all). Default: none, the issuer picks one.</summary>
    public string? SessionId { get; set; }

    /// <summary>
    /// How long before expiry a new credential is requested. Default 60 s; 0 to 1 hour. Never more than half the
    /// credential's lifetime is used, so a short-lived credential is not renewed on every call. While the old one
    /// is still valid, requests keep using it and the renewal runs in the background (one at a time).
    /// </summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a pending approval is polled. Default 2 s; 100 ms to 1 minute (a <c>Retry-After</c> from the issuer can lengthen it).</summary>
    public TimeSpan ApprovalPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for a human to approve a consequential request. Default 10 minutes; at most 24 hours.</summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait after a failed request before asking the issuer again. Default 5 s; 100 ms to 5 minutes.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(5);
}
