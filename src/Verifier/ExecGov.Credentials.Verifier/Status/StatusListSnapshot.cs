using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// One immutable view of a status list as the verifier holds it. Readers take it with a single volatile read and
/// never see half an update: every change (a fetch, an event, a confirmation) builds a new snapshot and swaps the
/// reference. <see cref="List"/> is never written once it is in a snapshot; events copy it first.
/// </summary>
internal sealed record StatusListSnapshot
{
    /// <summary>The entries.</summary>
    public required StatusList List { get; init; }

    /// <summary>The list's <c>execgov_version</c>; null when the issuer does not publish one.</summary>
    public required long? Version { get; init; }

    /// <summary>The <c>iat</c> of the token the entries came from (seconds).</summary>
    public required long IssuedAt { get; init; }

    /// <summary>The token's <c>exp</c>; after it the list is not used, however recently confirmed.</summary>
    public required DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>How often to poll the list (the token's <c>ttl</c>, or the configured default).</summary>
    public required TimeSpan TimeToLive { get; init; }

    /// <summary>The response's <c>ETag</c>, sent back as <c>If-None-Match</c>.</summary>
    public required string? ETag { get; init; }

    /// <summary>
    /// When this state was last confirmed current (docs/revocation.md §4): at most <see cref="SignedAt"/>;
    /// <see cref="DateTimeOffset.MinValue"/> when it is known to be behind and must not be answered from.
    /// </summary>
    public required DateTimeOffset ConfirmedAt { get; init; }

    /// <summary>
    /// When the issuer's signed data last vouched for this list: the fetch and verification of its token, or a
    /// <c>304</c> for that very token. <see cref="ConfirmedAt"/> never moves past it: unsigned stream messages
    /// (<c>hello</c>, <c>heartbeat</c>, applied events) can restore a confirmation to this time, never extend it.
    /// </summary>
    public DateTimeOffset SignedAt { get; init; }

    /// <summary>True when the state is known to be behind the issuer.</summary>
    public bool IsOutdated => ConfirmedAt == DateTimeOffset.MinValue;
}
