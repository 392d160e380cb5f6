using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// A daily window in UTC, <c>"HH:mm"</c> to <c>"HH:mm"</c>, start inclusive, end exclusive; a start after
/// the end wraps past midnight (22:00–06:00).
/// </summary>
public sealed record TimeWindow
{
    /// <summary>Start of the window, UTC.</summary>
    [JsonPropertyName("start")]
    public required TimeOnly Start { get; init; }

    /// <summary>End of the window, UTC.</summary>
    [JsonPropertyName("end")]
    public required TimeOnly End { get; init; }

    /// <summary>Whether <paramref name="instant"/> falls in the window.</summary>
    public bool Contains(DateTimeOffset instant)
    {
        var time = TimeOnly.FromTimeSpan(instant.UtcDateTime.TimeOfDay);
        return Start <= End ? time >= Start && time < End : time >= Start || time < End;
    }
}
