using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

/// <summary>An approver is added from the command line end to end: own key, another person's approval, key sign-in.</summary>
public sealed class AdminsTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task A_new_approver_registers_its_own_key_waits_for_another_person_and_then_signs_in_with_it()
    {
        using var folder = new TempFolder();
        var key = folder.File("omar-key.json");
        var omar = new CliProcess(folder.File("config"), fixture.Issuer.Url);

        var keygen = (await omar.RunAsync("--json", "admins", "keygen", key)).Expect(0);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Null(keygen.Json["public_key"]!["d"]);

        // Before approval the client does not exist, so it cannot sign in.
        var pending = (await fixture.Cli.RunAsync("--json", "admins", "create", "--client-id", "approver-omar", "--person", "omar.haddad",
            "--role", "approver", "--public-key-file", key)).Expect(9);
        var approval = pending.Json["approval_id"]!.GetValue<string>();
        (await omar.RunAsync("login", "--client-id", "approver-omar", "--key-file", key)).ExpectOneLineError(6, "refused client 'approver-omar'");

        // The admin cannot approve the grant; the bootstrap approver, another person, can.
        (await fixture.Cli.RunAsync("credentials", "approve", approval)).ExpectOneLineError(6, "approver");
        (await fixture.Cli.RunAsync("--profile", "ines", "credentials", "approve", approval, "--reason", "new approver for finance")).Expect(0);

        var signedIn = (await omar.RunAsync("--json", "login", "--client-id", "approver-omar", "--key-file", key)).Expect(0);
        Assert.Equal(["approver"], signedIn.Json["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        (await omar.RunAsync("--json", "credentials", "approvals")).Expect(0);
    }

    [Fact]
    public async Task Create_needs_exactly_one_of_a_secret_file_and_a_public_key_and_login_with_a_key_needs_the_client_id()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), fixture.Issuer.Url);

        (await fixture.Cli.RunAsync("admins", "create", "--client-id", "ops-nobody", "--person", "nobody", "--role", "auditor"))
            .ExpectOneLineError(1, "--secret-out", "--public-key-file");
        (await cli.RunAsync("login", "--key-file", folder.File("missing.json"))).ExpectOneLineError(1, "--client-id");
    }
}
