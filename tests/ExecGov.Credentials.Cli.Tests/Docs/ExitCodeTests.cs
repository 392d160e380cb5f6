using System.Text.RegularExpressions;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

/// <summary>
/// The exit-code table of docs/cli.md is the one in <c>ExitCodes.cs</c>, and each documented code is what the CLI
/// returns for the condition the table names, run against a real issuer. 70 (a bug inside the CLI) has no condition
/// a test can bring about on purpose; 130 is the runtime's answer to SIGINT.
/// </summary>
public sealed partial class ExitCodeTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task The_documented_codes_are_the_codes_in_ExitCodes_cs()
    {
        var documented = await DocumentedAsync();
        var source = await File.ReadAllTextAsync(Path.Combine(Artifacts.RepositoryRoot, "src", "Cli", "ExecGov.Credentials.Cli", "ExitCodes.cs"));
        var constants = Constant().Matches(source).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

        Assert.Equal(constants, documented.Keys.Order().ToList());
    }

    [Fact]
    public async Task Each_documented_code_is_returned_for_its_condition()
    {
        var documented = await DocumentedAsync();
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);
        (await fixture.Cli.RunAsync("revoke", "credential", issued.CredentialId, "--reason", "exit codes", "--yes")).Expect(0);
        var malformed = Path.Combine(fixture.Work, "malformed.jwt");
        await File.WriteAllTextAsync(malformed, "not a token");
        var down = $"http://127.0.0.1:{FreePort.Next()}";
        var otherKey = Path.Combine(fixture.Work, "not-the-agents.key.json");
        using (ExecGov.Credentials.Agent.Keys.AgentKey.Create(otherKey))
        {
        }

        var conditions = new (int Code, string Condition, Func<Task<CliResult>> Run)[]
        {
            (0, "status: ready", () => fixture.Cli.RunAsync("status")),
            (1, "usage: unknown option", () => fixture.Cli.RunAsync("agents", "list", "--frobnicate")),
            (2, "malformed token", () => fixture.Cli.RunAsync("credentials", "inspect", malformed)),
            (3, "agent not found", () => fixture.Cli.RunAsync("agents", "show", "agent-that-is-not-there")),
            (3, "revocation target not found", () => fixture.Cli.RunAsync("revoke", "agent", "agent-that-is-not-there", "--reason", "exit codes", "--yes")),
            (4, "inspect found the credential not usable", () => fixture.Cli.RunAsync("credentials", "inspect", issued.File)),
            (5, "unreachable", () => fixture.Cli.RunAsync("--issuer", down, "status")),
            (6, "the admin client lacks the role", () => fixture.Cli.RunAsync("--profile", "ines", "keys", "rotate")),
            (6, "an agent assertion refused", () => fixture.Cli.RunAsync("credentials", "request", "--agent", agent.Id, "--key", otherKey,
                "--audience", "payments-api", "--action", "invoices.read", "--resource", "invoice:1")),
            (7, "confirmation declined", () => fixture.Cli.RunWithInputAsync("n\n", "revoke", "agent", agent.Id, "--reason", "exit codes")),
            (8, "refused by policy (scope_exceeds_ceiling)", () => fixture.Cli.RunAsync("credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "payroll.run")),
            (9, "pending approval", () => fixture.Cli.RunAsync("credentials", "issue", "--agent", agent.Id, "--audience", "payments-api",
                "--action", "payments.release", "--resource", "invoice:3", "--max-amount", "2500", "--currency", "EUR")),
        };

        Assert.Equal(documented.Keys.Except([70, 130]).Order(), conditions.Select(c => c.Code).Distinct().Order());
        foreach (var (code, condition, run) in conditions)
        {
            var result = await run();
            Assert.True(result.ExitCode == code, $"docs/cli.md: {code} = {documented[code]}; '{condition}' gave {result}");
        }
    }

    /// <summary>The rows of the "Exit codes (stable)" table: code → meaning.</summary>
    private static async Task<Dictionary<int, string>> DocumentedAsync()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(Artifacts.RepositoryRoot, "docs", "cli.md"));
        var start = docs.IndexOf("## Exit codes (stable)", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no exit-code table");
        var end = docs.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return Row().Matches(docs[start..end]).ToDictionary(
            m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value.Trim());
    }

    [GeneratedRegex(@"^\| (\d+) \| (.+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"public const int \w+ = (\d+);")]
    private static partial Regex Constant();
}
