using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using ExecGov.Samples.Invoices;
using ExecGov.Samples.Ledger;
using ExecGov.Samples.Payments;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ExecGov.Samples.McpToolServer.Tools;

/// <summary>
/// The payment tools. ExecGov's filter has decided before either runs, so reaching the body means the credential
/// allowed exactly this call; the decision is on the HTTP request for the ledger.
/// </summary>
[McpServerToolType]
internal sealed class PaymentTools(ExecutionLedger ledger, IHttpContextAccessor http)
{
    public const string ReleasePaymentName = "release_payment";
    public const string GetInvoiceName = "get_invoice";

    [McpServerTool(Name = ReleasePaymentName), Description("Releases the payment of an invoice to a destination account.")]
    public CallToolResult ReleasePayment(
        [Description("The invoice id, e.g. 2026-118.")] string invoice,
        [Description("The amount to release, e.g. 120.50.")] decimal amount,
        [Description("The ISO 4217 currency code, e.g. EUR.")] string currency,
        [Description("The destination IBAN.")] string destination)
    {
        if (PaymentRules.Check(invoice, amount, currency, destination) is { } problem)
        {
            return Error("invalid_payment: " + problem);
        }

        var entry = ledger.Record(Decision(), "payments.release", $"invoice:{invoice}", new PaymentDetails(amount, currency, destination));
        return Text(string.Create(CultureInfo.InvariantCulture,
            $"released {amount:0.00} {currency} for invoice {invoice} to {destination} (payment {entry.Sequence}, authorised by {entry.Authoriser}, decision {entry.DecisionId})"));
    }

    [McpServerTool(Name = GetInvoiceName, ReadOnly = true), Description("Reads an invoice: creditor, amount, currency, IBAN and due date.")]
    public CallToolResult GetInvoice([Description("The invoice id, e.g. 2026-118.")] string invoice)
    {
        if (!PaymentRules.IsInvoiceId(invoice))
        {
            return Error("invalid_invoice: invoice must be 1-32 letters, digits or '-'.");
        }

        ledger.Record(Decision(), "invoices.read", $"invoice:{invoice}");
        return Text(JsonSerializer.Serialize(InvoiceBook.Find(invoice)));
    }

    private ExecGov.Credentials.Verifier.Decision? Decision() => http.HttpContext?.Features.Get<IExecGovDecisionFeature>()?.Decision;

    private static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
