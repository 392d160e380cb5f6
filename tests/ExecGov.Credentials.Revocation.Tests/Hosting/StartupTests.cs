using ExecGov.Credentials.Revocation.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Options_are_bound_from_the_Revocation_section_and_the_store_opens_at_start()
    {
        using var directory = new TempFolder();
        using var keys = new TestSigningKeys();
        await using var app = Build(new Dictionary<string, string?>
        {
            ["Revocation:DatabasePath"] = directory.File("bound.db"),
            ["Revocation:PublicBaseUri"] = "https://issuer.example",
            ["Revocation:ListSize"] = "4096",
            ["Revocation:TimeToLive"] = "00:00:20",
        }, keys);

        await app.StartAsync();

        var options = app.Services.GetRequiredService<IOptions<RevocationOptions>>().Value;
        Assert.Equal(4_096, options.ListSize);
        Assert.Equal(TimeSpan.FromSeconds(20), options.TimeToLive);
        Assert.True(File.Exists(directory.File("bound.db")));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("x.db", "http://issuer.example", "https")]
    [InlineData("x.db", null, "PublicBaseUri")]
    public async Task Unsafe_or_incomplete_options_stop_the_host_at_start(string? database, string? baseUri, string message)
    {
        using var keys = new TestSigningKeys();
        await using var app = Build(new Dictionary<string, string?>
        {
            ["Revocation:DatabasePath"] = database,
            ["Revocation:PublicBaseUri"] = baseUri,
        }, keys);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_store_and_no_database_path_stops_the_host_at_start()
    {
        using var keys = new TestSigningKeys();
        await using var app = Build(new Dictionary<string, string?> { ["Revocation:PublicBaseUri"] = "https://issuer.example" }, keys);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("Revocation:DatabasePath", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_signing_key_provider_stops_the_host_at_start()
    {
        using var directory = new TempFolder();
        await using var app = Build(new Dictionary<string, string?>
        {
            ["Revocation:DatabasePath"] = directory.File("nokey.db"),
            ["Revocation:PublicBaseUri"] = "https://issuer.example",
        }, keys: null);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(nameof(IStatusListSigningKeyProvider), failure.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Dictionary<string, string?> settings, TestSigningKeys? keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        if (keys is not null)
        {
            builder.Services.AddSingleton<IStatusListSigningKeyProvider>(keys);
        }

        builder.Services.AddRevocation(builder.Configuration);
        var app = builder.Build();
        app.MapRevocationEndpoints();
        return app;
    }
}
