using System.Globalization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// What a handler is about to act on: the resource and the values the credential's constraints are checked
/// against. Read them from the same place the handler takes them, so the values checked are the values used.
/// A value left null is missing: any constraint on it fails (fail closed), and a credential that restricts
/// resources does not match a request without one.
/// </summary>
public sealed record ActionValues
{
    // The context keys of ActionRequest.Context (docs/credential-format.md, constraints).
    private const string AmountKey = "amount";
    private const string CurrencyKey = "currency";
    private const string DestinationKey = "destination";

    /// <summary>No resource and no constraint values.</summary>
    public static ActionValues None { get; } = new();

    /// <summary>The resource acted on, e.g. <c>invoice:2026-118</c>.</summary>
    public string? Resource { get; init; }

    /// <summary>The amount, checked against <c>max_amount</c>; must be non-negative.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The currency (ISO 4217 code), checked against <c>currency</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>The destination (e.g. an IBAN), checked against <c>destinations</c>.</summary>
    public string? Destination { get; init; }

    /// <summary>The verifier's context dictionary (<c>amount</c>, <c>currency</c>, <c>destination</c>); null when empty.</summary>
    internal IReadOnlyDictionary<string, string>? ToContext()
    {
        if (Amount is null && Currency is null && Destination is null)
        {
            return null;
        }

        var context = new Dictionary<string, string>(3, StringComparer.Ordinal);
        if (Amount is { } amount)
        {
            context[AmountKey] = amount.ToString(CultureInfo.InvariantCulture);
        }

        if (Currency is { } currency)
        {
            context[CurrencyKey] = currency;
        }

        if (Destination is { } destination)
        {
            context[DestinationKey] = destination;
        }

        return context;
    }
}
