using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.Mcp;

namespace ExecGov.Samples.McpToolServer.Tools;

/// <summary>Which action each tool performs, and where its resource and constraint values come from: the same arguments the tool binds.</summary>
internal static class PaymentToolActions
{
    public static void Map(ExecGovMcpOptions mcp) => mcp
        .MapTool(PaymentTools.ReleasePaymentName, "payments.release", args => new ActionValues
        {
            Resource = $"invoice:{args.GetString("invoice")}",
            Amount = args.GetDecimal("amount"),
            Currency = args.GetString("currency"),
            Destination = args.GetString("destination"),
        })
        .MapTool(PaymentTools.GetInvoiceName, "invoices.read", args => new ActionValues { Resource = $"invoice:{args.GetString("invoice")}" });
}
