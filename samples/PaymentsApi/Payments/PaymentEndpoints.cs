using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using ExecGov.Samples.Hosting;
using ExecGov.Samples.Invoices;
using ExecGov.Samples.Ledger;
using ExecGov.Samples.Payments;

namespace ExecGov.Samples.PaymentsApi.Payments;

/// <summary>The payments routes. Each declares its action and reads its resource and constraint values from where its handler takes them.</summary>
internal static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this WebApplication app)
    {
        app.MapPost("/v1/payments/{invoice}/release", Release)
            .RequireAction("payments.release", async request =>
            {
                // The values checked are the values the handler binds: the route's invoice and the JSON body.
                var body = await request.ReadJsonBodyAsync<ReleaseRequest>();
                return new ActionValues
                {
                    Resource = $"invoice:{request.RouteValue("invoice")}",
                    Amount = body?.Amount,
                    Currency = body?.Currency,
                    Destination = body?.Destination,
                };
            });

        app.MapGet("/v1/invoices/{invoice}", Read)
            .RequireAction("invoices.read", request => new ActionValues { Resource = $"invoice:{request.RouteValue("invoice")}" });
    }

    private static IResult Release(string invoice, ReleaseRequest body, HttpContext context, ExecutionLedger ledger)
    {
        if (PaymentRules.Check(invoice, body.Amount, body.Currency, body.Destination) is { } problem)
        {
            return SampleProblems.Problem(StatusCodes.Status400BadRequest, "invalid_payment", "The payment cannot be released as requested.", problem);
        }

        var decision = context.Features.Get<IExecGovDecisionFeature>()?.Decision;
        var entry = ledger.Record(decision, "payments.release", $"invoice:{invoice}", new PaymentDetails(body.Amount!.Value, body.Currency!, body.Destination!));
        return Results.Ok(new
        {
            status = "released",
            payment = entry.Sequence,
            invoice,
            amount = entry.Amount,
            currency = entry.Currency,
            destination = entry.Destination,
            agent = entry.Agent,
            authoriser = entry.Authoriser,
            decision_id = entry.DecisionId,
        });
    }

    private static IResult Read(string invoice, HttpContext context, ExecutionLedger ledger)
    {
        if (!PaymentRules.IsInvoiceId(invoice))
        {
            return SampleProblems.Problem(StatusCodes.Status400BadRequest, "invalid_invoice", "No such invoice id.", "invoice must be 1-32 letters, digits or '-'.");
        }

        ledger.Record(context.Features.Get<IExecGovDecisionFeature>()?.Decision, "invoices.read", $"invoice:{invoice}");
        return Results.Ok(InvoiceBook.Find(invoice));
    }
}
