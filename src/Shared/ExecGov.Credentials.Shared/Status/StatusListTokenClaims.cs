using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Status;

/// <summary>
/// The claims of a status list token (draft-ietf-oauth-status-list §5.1), published with header
/// <c>typ: statuslist+jwt</c>. Immutable: once read from a token it crossed a trust boundary.
/// </summary>
public sealed record StatusListTokenClaims
{
    /// <summary><c>sub</c>: the list's URI; equals the <c>uri</c> in every credential that points at it.</summary>
    [JsonPropertyName("sub")]
    public required string Subject { get; init; }

    /// <summary><c>iat</c>: when the token was issued, seconds since the Unix epoch (required by the draft).</summary>
    [JsonPropertyName("iat")]
    public required long IssuedAt { get; init; }

    /// <summary><c>exp</c>: after this the token must not be relied on; seconds since the Unix epoch.</summary>
    [JsonPropertyName("exp")]
    public long? Expires { get; init; }

    /// <summary><c>ttl</c>: how long, in seconds, a relying party may cache it before fetching a fresh copy.</summary>
    [JsonPropertyName("ttl")]
    public long? TimeToLive { get; init; }

    /// <summary>
    /// <c>execgov_version</c>: this project's extension (ignored by other draft readers): the list's version,
    /// increased by one on every change, so a verifier can order a fetched token against pushed events and
    /// refuse to roll back to an older token.
    /// </summary>
    [JsonPropertyName("execgov_version")]
    public long? Version { get; init; }

    /// <summary><c>status_list</c>: the entries.</summary>
    [JsonPropertyName("status_list")]
    public required StatusListClaim StatusList { get; init; }
}
