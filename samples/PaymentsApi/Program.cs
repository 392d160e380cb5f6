using ExecGov.Samples.Hosting;
using ExecGov.Samples.Ledger;
using ExecGov.Samples.PaymentsApi.Payments;

namespace ExecGov.Samples.PaymentsApi;

/// <summary>The sample payments API: every route that acts declares its action; ExecGov decides before the handler runs.</summary>
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
        builder.UseSampleDefaults(SampleConfiguration.Defaults(url: "http://127.0.0.1:5090", audience: "payments-api", instanceName: "payments-api-sample"));
        builder.AddSampleVerification();
        builder.Services.AddAuthentication().AddExecGovCredentials();

        var app = builder.Build();
        app.UseSampleErrorHandling();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPaymentEndpoints();
        app.MapLedger("/v1/ledger");
        app.MapSampleHealth();
        return app;
    }
}
