using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>
/// A small ASP.NET Core app on real Kestrel (127.0.0.1, a free port) that trusts <see cref="TestAuthority"/> and
/// enforces credentials through <c>AddExecGovCredentials</c>; the test maps its endpoints.
/// </summary>
internal static class EnforcedApp
{
    /// <summary>Builds and starts the app; start-up failures (the checks under test) are thrown after disposing it.</summary>
    public static async Task<WebApplication> StartAsync(TestAuthority authority, string environment, Uri? publicOrigin, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCredentialVerifier(o =>
        {
            o.Audience = TestAuthority.Audience;
            o.Issuers.Add(new TrustedIssuerOptions { Issuer = TestAuthority.IssuerId, Jwks = authority.Jwks });
        });
        builder.Services.AddSingleton<ICredentialStatusSource>(authority.Status);
        builder.Services.AddAuthentication().AddExecGovCredentials(o => o.PublicOrigin = publicOrigin);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        map(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
