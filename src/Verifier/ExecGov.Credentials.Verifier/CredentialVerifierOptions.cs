namespace ExecGov.Credentials.Verifier;

/// <summary>
/// How the verifier decides. Every default is the safe choice; unsafe values are refused at start-up by
/// <see cref="CredentialVerifierOptionsValidator"/>. Immutable once the verifier is built.
/// </summary>
public sealed class CredentialVerifierOptions
{
    /// <summary>Issuers whose credentials are accepted. Default: none, so nothing verifies until configured.</summary>
    public IList<TrustedIssuerOptions> Issuers { get; } = [];

    /// <summary>This service's audience id, used when a request names none. Default: none (each request must name it).</summary>
    public string? Audience { get; set; }

    /// <summary>Clock skew tolerated on <c>exp</c>, <c>nbf</c>, <c>iat</c> and proof <c>iat</c>. Default 30 s; at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old a proof may be. Default 60 s; at most 5 minutes (replay memory grows with it).</summary>
    public TimeSpan ProofLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest credential accepted, in characters. Default 8192 (a credential is about 1 KiB).</summary>
    public int MaxCredentialLength { get; set; } = 8192;

    /// <summary>Longest proof accepted, in characters. Default 2048.</summary>
    public int MaxProofLength { get; set; } = 2048;

    /// <summary>
    /// Whether a credential must carry a <c>status</c> claim. Default true: a credential that cannot be
    /// revoked is denied with <c>status_unavailable</c>. Turn off only for issuers without status lists.
    /// </summary>
    public bool RequireStatus { get; set; } = true;

    /// <summary>
    /// How many verified credentials to remember, to skip re-checking their signature; a credential is remembered from
    /// its second presentation on, so one used once never fills the cache. Default 10,000; 0 turns the cache off.
    /// </summary>
    public int VerifiedCredentialCacheSize { get; set; } = 10_000;

    /// <summary>How many proof ids to remember for replay detection before refusing new proofs. Default 1,000,000.</summary>
    public int MaxRememberedProofs { get; set; } = 1_000_000;

    /// <summary>
    /// How many proof ids one holder key (<c>cnf.jkt</c>) may have remembered at once; its next proof is denied
    /// <c>proof_quota_exceeded</c> until some expire, so one holder cannot fill the replay memory and lock the others
    /// out. Default 10,000 (about 80 requests a second per agent with the default proof lifetime and skew); at least
    /// 1 and at most <see cref="MaxRememberedProofs"/>.
    /// </summary>
    public int MaxRememberedProofsPerHolder { get; set; } = 10_000;

    /// <summary>How often a JWKS is re-read even when every kid is known. Default 5 minutes.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The least time between two re-reads of one issuer's JWKS caused by unknown kids. Default 30 s.</summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
