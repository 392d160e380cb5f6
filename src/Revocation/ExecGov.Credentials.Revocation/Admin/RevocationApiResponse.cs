using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Admin;

/// <summary>The answer to a committed revocation act: <c>{"act_id", "covered", "changed", "changed_at", "last_event_id"}</c>.</summary>
public sealed record RevocationApiResponse
{
    /// <summary><c>act_id</c>: the act's id (also in the audit trail).</summary>
    [JsonPropertyName("act_id")]
    public required long ActId { get; init; }

    /// <summary><c>covered</c>: registered credentials the act covered.</summary>
    [JsonPropertyName("covered")]
    public required int Covered { get; init; }

    /// <summary><c>changed</c>: list entries that changed.</summary>
    [JsonPropertyName("changed")]
    public required int Changed { get; init; }

    /// <summary><c>changed_at</c>: when the change was committed (RFC 3339).</summary>
    [JsonPropertyName("changed_at")]
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary><c>last_event_id</c>: the id of the last stream event the act produced; absent when nothing changed.</summary>
    [JsonPropertyName("last_event_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? LastEventId { get; init; }

    /// <summary>The response for <paramref name="result"/>.</summary>
    public static RevocationApiResponse From(RevocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RevocationApiResponse
        {
            ActId = result.ActId,
            Covered = result.Covered,
            Changed = result.Changed,
            ChangedAt = result.ChangedAt,
            LastEventId = result.LastEventId,
        };
    }
}
