using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>The human who granted a credential: every decision made with it traces back to them.</summary>
public sealed record Authoriser
{
    /// <summary>The authoriser's stable subject id (admin client id or IdP subject).</summary>
    [JsonPropertyName("sub")]
    public required string Subject { get; init; }

    /// <summary>A display name for logs and traces.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The approval or standing-grant id under which it was granted.</summary>
    [JsonPropertyName("approval_id")]
    public string? ApprovalId { get; init; }

    /// <summary>When it was granted, seconds since the Unix epoch.</summary>
    [JsonPropertyName("approved_at")]
    public long ApprovedAt { get; init; }
}
