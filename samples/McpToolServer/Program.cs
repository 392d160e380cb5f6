using ExecGov.Samples.Hosting;
using ExecGov.Samples.Ledger;
using ExecGov.Samples.McpToolServer.Tools;

namespace ExecGov.Samples.McpToolServer;

/// <summary>The sample MCP tool server: every tools/call is checked against the credential and proof of its HTTP request before the tool runs.</summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var app = Build(args);
        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Builds the application from <paramref name="args"/> (the end-to-end test starts it in-process this way).</summary>
    internal static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseSampleDefaults(SampleConfiguration.Defaults(url: "http://127.0.0.1:5091", audience: "payments-mcp", instanceName: "payments-mcp-sample"));
        builder.AddSampleVerification();
        builder.Services.AddExecGovEnforcement();
        builder.Services.AddMcpServer(mcp => mcp.ServerInfo = new() { Name = "execgov-payments-sample", Version = "1.0.0" })
            // Stateless: every tools/call is its own HTTP POST, carrying its own credential and proof.
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithTools<PaymentTools>()
            .WithExecGovEnforcement(PaymentToolActions.Map);

        var app = builder.Build();
        app.UseSampleErrorHandling();
        app.MapMcp("/mcp");
        app.MapLedger("/ledger");
        app.MapSampleHealth();
        return app;
    }
}
