using ExecGov.Credentials.Verifier.AspNetCore;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using Microsoft.AspNetCore.Mvc;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>The MVC equivalent of the minimal-API release endpoint.</summary>
[ApiController]
[Route("mvc/payments")]
public sealed class PaymentsController(HandlerCounter counter) : ControllerBase
{
    [HttpPost("{invoice}/release")]
    [RequireAction("payments.release", Values = typeof(ReleaseValues))]
    public IActionResult Release(string invoice, ReleaseRequest body)
    {
        counter.Increment();
        return Ok(new { invoice, amount = body.Amount, agent = User.FindFirst(ExecGovClaimTypes.Agent)?.Value });
    }

    /// <summary>Reads the route's invoice and the body's amount, currency and destination.</summary>
    public sealed class ReleaseValues : IActionValuesReader
    {
        public async ValueTask<ActionValues> ReadAsync(ActionRequestContext context)
        {
            var body = await context.ReadJsonBodyAsync<ReleaseRequest>();
            return new ActionValues
            {
                Resource = $"invoice:{context.RouteValue("invoice")}",
                Amount = body?.Amount,
                Currency = body?.Currency,
                Destination = body?.Destination,
            };
        }
    }
}
