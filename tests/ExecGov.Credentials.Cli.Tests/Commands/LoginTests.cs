using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class LoginTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Login_with_the_bootstrap_secret_file_caches_the_token_in_a_0600_profile()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), fixture.Issuer.Url);

        var result = (await cli.RunAsync("--json", "login", "--secret-file", fixture.Issuer.BootstrapSecretFile)).Expect(0);

        Assert.Equal("bootstrap-admin", result.Json["client_id"]!.GetValue<string>());
        Assert.Equal(fixture.Issuer.Url, result.Json["issuer"]!.GetValue<string>());
        Assert.Contains("admin", result.Json["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var profile = result.Json["profile_file"]!.GetValue<string>();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder.File("config")));
        (await cli.RunAsync("--json", "agents", "list")).Expect(0);
    }

    [Fact]
    public async Task Login_reads_the_secret_from_standard_input_and_never_takes_it_as_an_argument()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), fixture.Issuer.Url);
        var secret = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(fixture.Issuer.BootstrapSecretFile))!["client_secret"]!.GetValue<string>();

        (await cli.RunWithInputAsync(secret + "\n", "login", "--client-id", "bootstrap-admin", "--secret-stdin")).Expect(0);
        var refused = await cli.RunAsync("login", "--client-id", "bootstrap-admin", "--secret", secret);

        refused.ExpectOneLineError(1, "--secret");
    }

    [Fact]
    public async Task Login_with_a_wrong_secret_is_refused_with_exit_6_and_keeps_no_token()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), fixture.Issuer.Url);

        (await cli.RunWithInputAsync("not-the-secret\n", "login", "--client-id", "bootstrap-admin", "--secret-stdin"))
            .ExpectOneLineError(6, "refused client 'bootstrap-admin'", "check --client-id");
        (await cli.RunAsync("agents", "list")).ExpectOneLineError(6, "Not signed in", "execgov login");
    }

    [Fact]
    public async Task Profiles_keep_separate_sign_ins()
    {
        var inesAgents = await fixture.Cli.RunAsync("--profile", "ines", "agents", "list");
        var approvals = await fixture.Cli.RunAsync("--profile", "ines", "--json", "credentials", "approvals");

        inesAgents.ExpectOneLineError(6, "lacks the role");
        approvals.Expect(0);
    }
}
