using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>Constraints on an action. Each one set must be satisfied by the request's context values.</summary>
public sealed record ActionConstraints
{
    /// <summary>The highest <c>amount</c> allowed (inclusive).</summary>
    [JsonPropertyName("max_amount")]
    public decimal? MaxAmount { get; init; }

    /// <summary>The only <c>currency</c> allowed (ISO 4217 code), when set.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>The allowed values of <c>destination</c>, when set.</summary>
    [JsonPropertyName("destinations")]
    public IReadOnlyList<string>? Destinations { get; init; }

    /// <summary>A daily UTC time-of-day window the action must fall in, when set.</summary>
    [JsonPropertyName("time_window")]
    public TimeWindow? TimeWindow { get; init; }
}
