using System.ComponentModel;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using ModelContextProtocol.Server;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Mcp;

/// <summary>MCP tools whose every run is counted, so a test can prove a denied call never reached one.</summary>
[McpServerToolType]
public sealed class PaymentTools(HandlerCounter counter)
{
    [McpServerTool(Name = "release_payment"), Description("Releases a payment for an invoice.")]
    public string ReleasePayment(string invoice, decimal amount, string currency, string iban)
    {
        counter.Increment();
        return $"released {amount} {currency} for invoice {invoice} to {iban}";
    }

    [McpServerTool(Name = "get_invoice"), Description("Reads an invoice.")]
    public string GetInvoice(string invoice)
    {
        counter.Increment();
        return $"invoice {invoice}";
    }

    [McpServerTool(Name = "delete_all_invoices"), Description("A tool nobody mapped to an action.")]
    public string DeleteAllInvoices()
    {
        counter.Increment();
        return "deleted";
    }
}
