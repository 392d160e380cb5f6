using ExecGov.Credentials.Verifier.AspNetCore;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>
/// A payments API protected by the ExecGov scheme on a real Kestrel host at 127.0.0.1:0. Every handler counts
/// its runs in <see cref="Handler"/>; every decision record lands in <see cref="Records"/> and the log in <see cref="Logs"/>.
/// </summary>
internal sealed class PaymentsApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PaymentsApi(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs, RecordingSink records, HandlerCounter handler)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Records = records;
        Handler = handler;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingSink Records { get; }

    public HandlerCounter Handler { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Release(string invoice) => new(BaseAddress, $"v1/payments/{invoice}/release");

    public static async Task<PaymentsApi> StartAsync(
        TestAuthority authority,
        Action<ActionEnforcementOptions>? enforcement = null,
        Action<IServiceCollection>? services = null,
        ICredentialStatusSource? status = null)
    {
        var logs = new CapturingLoggerProvider();
        var records = new RecordingSink();
        var handler = new HandlerCounter();
        // Development: the expected origin may come from the Host header (PublicOrigin is required elsewhere,
        // PublicOriginTests covers that), so these hosts can listen on port 0.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddCredentialVerifier(o =>
        {
            o.Audience = TestAuthority.Audience;
            o.Issuers.Add(new TrustedIssuerOptions { Issuer = TestAuthority.IssuerId, Jwks = authority.Jwks });
        });
        builder.Services.AddSingleton(status ?? authority.Status);
        builder.Services.AddSingleton<IDecisionRecordSink>(records);
        builder.Services.AddSingleton(handler);
        builder.Services.AddAuthentication().AddExecGovCredentials(enforcement);
        builder.Services.AddControllers().AddApplicationPart(typeof(PaymentsController).Assembly);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        // The amount, currency and destination come from the JSON body the handler binds; the invoice from the route.
        app.MapPost("/v1/payments/{invoice}/release", (string invoice, ReleaseRequest body, HttpContext context) =>
            {
                handler.Increment();
                return Results.Ok(new
                {
                    invoice,
                    amount = body.Amount,
                    agent = context.User.FindFirst(ExecGovClaimTypes.Agent)?.Value,
                    authoriser = context.User.FindFirst(ExecGovClaimTypes.Authoriser)?.Value,
                    decision_id = context.User.FindFirst(ExecGovClaimTypes.DecisionId)?.Value,
                });
            })
            .RequireAction("payments.release", async request =>
            {
                var body = await request.ReadJsonBodyAsync<ReleaseRequest>();
                return new ActionValues
                {
                    Resource = $"invoice:{request.RouteValue("invoice")}",
                    Amount = body?.Amount,
                    Currency = body?.Currency,
                    Destination = body?.Destination,
                };
            });

        app.MapGet("/v1/invoices/{id}", (string id) =>
            {
                handler.Increment();
                return Results.Ok(new { id });
            })
            .RequireAction("invoices.read", request => new ActionValues { Resource = $"invoice:{request.RouteValue("id")}" });

        app.MapGet("/v1/refunds/preview", (decimal amount) =>
            {
                handler.Increment();
                return Results.Ok(new { amount });
            })
            .RequireAction("payments.release", request => new ActionValues
            {
                Resource = "invoice:refunds",
                Amount = decimal.TryParse(request.QueryValue("amount"), System.Globalization.CultureInfo.InvariantCulture, out var amount) ? amount : null,
                Currency = "EUR",
                Destination = TestAuthority.Iban,
            });

        app.MapPost("/v1/broken", () =>
            {
                handler.Increment();
                return Results.Ok();
            })
            .RequireAction("payments.release", ActionValues (ActionRequestContext _) => throw new InvalidOperationException("a bug in the values reader"));

        app.MapGet("/v1/open", () => Results.Ok("no action declared"));
        app.MapControllers();

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PaymentsApi(app, new Uri(address.TrimEnd('/') + "/"), logs, records, handler);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
