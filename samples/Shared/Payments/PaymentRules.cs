using System.Text.RegularExpressions;

namespace ExecGov.Samples.Payments;

/// <summary>
/// The business checks of a release, run by the handler or tool after ExecGov allowed it. The credential bounds
/// what an agent may do; these bound what the payments system accepts at all (a zero amount, a made-up currency).
/// </summary>
public static partial class PaymentRules
{
    /// <summary>Null when the release is acceptable; otherwise what is wrong, for a problem's <c>detail</c>.</summary>
    public static string? Check(string invoice, decimal? amount, string? currency, string? destination)
    {
        if (!InvoiceId().IsMatch(invoice))
        {
            return "invoice must be 1-32 letters, digits or '-'.";
        }

        if (amount is not > 0m || decimal.Round(amount.Value, 2) != amount.Value)
        {
            return "amount must be positive, with at most two decimals.";
        }

        if (currency is null || !CurrencyCode().IsMatch(currency))
        {
            return "currency must be an ISO 4217 code such as EUR.";
        }

        if (destination is null || !Iban().IsMatch(destination))
        {
            return "destination must be an IBAN (two letters, two digits, up to 30 letters or digits).";
        }

        return null;
    }

    /// <summary>Whether <paramref name="invoice"/> is a well-formed invoice id.</summary>
    public static bool IsInvoiceId(string invoice) => InvoiceId().IsMatch(invoice);

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex InvoiceId();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();
}
