using ExecGov.Credentials.Agent.Tests.Issuer;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using ExecGov.Credentials.Verifier.Mcp;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Mcp;

/// <summary>An MCP server on the Streamable HTTP transport, on real Kestrel at 127.0.0.1:0, with ExecGov enforcement.</summary>
internal sealed class PaymentsMcpServer : IAsyncDisposable
{
    public const string Audience = "payments-mcp";

    private readonly WebApplication _app;

    private PaymentsMcpServer(WebApplication app, Uri endpoint, HandlerCounter tools, RecordingSink records)
    {
        _app = app;
        Endpoint = endpoint;
        Tools = tools;
        Records = records;
    }

    /// <summary>The MCP endpoint URL: proofs name it as htu, with htm POST.</summary>
    public Uri Endpoint { get; }

    public HandlerCounter Tools { get; }

    public RecordingSink Records { get; }

    public static async Task<PaymentsMcpServer> StartAsync(FakeIssuer issuer, InMemoryStatusSource status, Action<ExecGovMcpOptions>? configure = null, bool stateful = false, Action<ModelContextProtocol.AspNetCore.HttpServerTransportOptions>? transport = null)
    {
        var tools = new HandlerCounter();
        var records = new RecordingSink();
        // Development: the expected origin may come from the Host header (PublicOrigin is required elsewhere,
        // PublicOriginTests covers that), so these hosts can listen on port 0.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCredentialVerifier(o =>
        {
            o.Audience = Audience;
            o.Issuers.Add(new TrustedIssuerOptions { Issuer = issuer.Issuer, Jwks = issuer.Jwks });
        });
        builder.Services.AddSingleton<ICredentialStatusSource>(status);
        builder.Services.AddSingleton<IDecisionRecordSink>(records);
        builder.Services.AddSingleton(tools);
        builder.Services.AddExecGovEnforcement();
        builder.Services.AddMcpServer()
            .WithHttpTransport(o =>
            {
                o.Stateless = !stateful;
                transport?.Invoke(o);
            })
            .WithTools<PaymentTools>()
            .WithExecGovEnforcement(configure ?? (mcp => mcp
                .MapTool("release_payment", "payments.release", args => new ActionValues
                {
                    Resource = $"invoice:{args.GetString("invoice")}",
                    Amount = args.GetDecimal("amount"),
                    Currency = args.GetString("currency"),
                    Destination = args.GetString("iban"),
                })
                .MapTool("get_invoice", "invoices.read", args => new ActionValues { Resource = $"invoice:{args.GetString("invoice")}" })));

        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PaymentsMcpServer(app, new Uri(address.TrimEnd('/') + "/mcp"), tools, records);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
