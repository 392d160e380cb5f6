using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// A daily window in UTC, <c>"HH:mm"</c> to <c>"HH:mm"</c>, start inclusive, end exclusive; a start after
/// the end wraps past midnight (22:00–06:00); a start equal to the end is empty and allows no time at all.
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

    /// <summary>
    /// Whether every instant <paramref name="inner"/> contains, this window contains too, compared to the tick
    /// (so 09:00:30 is not within a window opening at 09:00:45). An empty window covers nothing and lies within nothing.
    /// </summary>
    public bool Covers(TimeWindow inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (Start == End || inner.Start == inner.End)
        {
            return false;
        }

        // Lay both on a 48-hour line, a wrapping window running into the second day, so windows past midnight compare
        // as plain ranges; the inner one may sit on either day of the outer one.
        const long Day = TimeSpan.TicksPerDay;
        var (outerStart, outerEnd) = Span(this);
        var (innerStart, innerEnd) = Span(inner);
        return (innerStart >= outerStart && innerEnd <= outerEnd) ||
            (innerStart + Day >= outerStart && innerEnd + Day <= outerEnd);

        static (long Start, long End) Span(TimeWindow w)
        {
            var start = w.Start.Ticks;
            var end = w.End.Ticks;
            return (start, end < start ? end + Day : end);
        }
    }
}
