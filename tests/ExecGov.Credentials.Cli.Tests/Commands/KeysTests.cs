using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class KeysTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Generate_writes_a_0600_keyset_and_refuses_to_overwrite_it()
    {
        var file = Path.Combine(fixture.Work, "keys", "keyset.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var created = (await fixture.Cli.RunAsync("--json", "keys", "generate", "--file", file)).Expect(0).Json;
        var again = await fixture.Cli.RunAsync("keys", "generate", "--file", file);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("active", created["status"]!.GetValue<string>());
        Assert.Contains(created["kid"]!.GetValue<string>(), await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        again.ExpectOneLineError(2, "--file");
    }

    [Fact]
    public async Task Rotate_makes_a_new_key_active_and_keeps_the_old_one_published()
    {
        var before = (await fixture.Cli.RunAsync("--json", "keys", "list")).Expect(0).Json.AsArray();
        var oldKid = before.Single(k => k!["status"]!.GetValue<string>() == "active")!["kid"]!.GetValue<string>();

        var after = (await fixture.Cli.RunAsync("--json", "keys", "rotate")).Expect(0).Json.AsArray();
        var table = (await fixture.Cli.RunAsync("keys", "list")).Expect(0);

        var active = after.Single(k => k!["status"]!.GetValue<string>() == "active")!;
        Assert.NotEqual(oldKid, active["kid"]!.GetValue<string>());
        var retired = after.Single(k => k!["kid"]!.GetValue<string>() == oldKid)!;
        Assert.Equal("retired", retired["status"]!.GetValue<string>());
        Assert.True(retired["published"]!.GetValue<bool>());
        Assert.Contains(oldKid, table.Stdout, StringComparison.Ordinal);
    }
}
