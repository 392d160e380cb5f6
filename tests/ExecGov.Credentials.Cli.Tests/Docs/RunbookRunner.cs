using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

/// <summary>Runs a runbook from docs/runbooks as written against a fixture's issuer, with its blanks filled in.</summary>
internal static class RunbookRunner
{
    public static string PathOf(string name) => Path.Combine(Artifacts.RepositoryRoot, "docs", "runbooks", name);

    public static async Task<string> RunAsync(IssuerFixture fixture, string runbook, IReadOnlyDictionary<string, string> blanks)
    {
        using var launcher = new ExecgovOnPath();
        var script = MarkdownScript.Build(MarkdownScript.Extract(PathOf(runbook)), blanks);
        var (exitCode, stdout, stderr) = await MarkdownScript.RunAsync(script, fixture.Work, environment =>
        {
            fixture.Cli.Configure(environment);
            environment["PATH"] = launcher.PathVariable;
        }, TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"{runbook} failed (exit {exitCode}):\n{stdout}\n{stderr}");
        Assert.EndsWith("ALL STEPS PASSED", stdout.TrimEnd(), StringComparison.Ordinal);
        return stdout;
    }
}
