using ExecGov.Credentials.Issuer.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ExecGov.Credentials.Issuer.Server;

/// <summary>The issuer host: configuration comes from the usual ASP.NET Core sources (docs/issuer.md).</summary>
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

    /// <summary>Builds the application; <paramref name="configure"/> lets in-process tests replace services (a fake clock).</summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIssuer();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapIssuerApi();
        return app;
    }
}
