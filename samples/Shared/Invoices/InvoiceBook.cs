using System.Security.Cryptography;
using System.Text;

namespace ExecGov.Samples.Invoices;

/// <summary>
/// Made-up invoices: every well-formed id has one, derived from the id itself, so any id a walkthrough or test uses
/// answers the same invoice every time without a database.
/// </summary>
public static class InvoiceBook
{
    private static readonly string[] Creditors = ["Acme Supplies GmbH", "Nordlicht Logistics AB", "Lumen Office BV", "Castell Paper SL"];

    /// <summary>The invoice <paramref name="id"/> (a well-formed id; see <c>PaymentRules.IsInvoiceId</c>).</summary>
    public static Invoice Find(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        // Not a secret, only a stable spread of made-up values per id.
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        var cents = 1_000 + (BitConverter.ToUInt32(seed, 0) % 99_000);
        return new Invoice
        {
            Id = id,
            Creditor = Creditors[seed[4] % Creditors.Length],
            Amount = cents / 100m,
            Currency = "EUR",
            Iban = "DE89370400440532013000",
            Due = new DateOnly(2026, 1 + (seed[5] % 12), 1 + (seed[6] % 28)),
        };
    }
}
