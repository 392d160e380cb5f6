using System.Text.Json.Serialization;

namespace ExecGov.Samples.Invoices;

/// <summary>An invoice as the samples show it.</summary>
public sealed record Invoice
{
    /// <summary>The invoice id, e.g. <c>2026-118</c>.</summary>
    [JsonPropertyName("invoice")]
    public required string Id { get; init; }

    /// <summary>Who is to be paid.</summary>
    [JsonPropertyName("creditor")]
    public required string Creditor { get; init; }

    /// <summary>The amount due.</summary>
    [JsonPropertyName("amount")]
    public required decimal Amount { get; init; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    [JsonPropertyName("currency")]
    public required string Currency { get; init; }

    /// <summary>The creditor's account.</summary>
    [JsonPropertyName("iban")]
    public required string Iban { get; init; }

    /// <summary>When payment is due.</summary>
    [JsonPropertyName("due")]
    public required DateOnly Due { get; init; }
}
