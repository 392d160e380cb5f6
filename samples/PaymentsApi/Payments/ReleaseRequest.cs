using System.Text.Json.Serialization;

namespace ExecGov.Samples.PaymentsApi.Payments;

/// <summary>The body of <c>POST /v1/payments/{invoice}/release</c>: <c>{"amount": 120.50, "currency": "EUR", "destination": "DE89…"}</c>.</summary>
internal sealed record ReleaseRequest
{
    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("destination")]
    public string? Destination { get; init; }
}
