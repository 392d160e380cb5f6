using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class StatusTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Status_signed_in_shows_health_and_key_ages()
    {
        var result = (await fixture.Cli.RunAsync("--json", "status")).Expect(0).Json;
        var human = (await fixture.Cli.RunAsync("status")).Expect(0);

        Assert.True(result["ready"]!.GetValue<bool>());
        Assert.Equal(fixture.Issuer.Url, result["issuer"]!.GetValue<string>());
        Assert.Contains(result["keys"]!.AsArray(), k => k!["status"]!.GetValue<string>() == "active");
        Assert.NotNull(result["status_lists"]);
        Assert.Contains("ready", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_sign_in_shows_the_published_key_ids()
    {
        using var folder = new TempFolder();
        var anonymous = new CliProcess(folder.File("config"), fixture.Issuer.Url);

        var result = (await anonymous.RunAsync("--json", "status")).Expect(0).Json;

        Assert.NotEmpty(result["keys"]!["published"]!.AsArray());
        Assert.Contains("sign in", result["keys"]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
