using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>What one run of <c>execgov</c> produced.</summary>
internal sealed record CliResult(string[] Arguments, int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout held JSON null");

    public override string ToString() => $"execgov {string.Join(' ', Arguments)} → exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";

    public CliResult Expect(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode}: {this}");
        return this;
    }

    /// <summary>
    /// Asserts the run failed the way a person can act on: the given exit code, exactly one line on standard error
    /// starting with <c>execgov:</c>, no stack trace, and the line contains every expected fragment.
    /// </summary>
    public string ExpectOneLineError(int exitCode, params string[] fragments)
    {
        Expect(exitCode);
        var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr: {this}");
        Assert.StartsWith("execgov: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ExecGov.", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.True(lines[0].Contains(fragment, StringComparison.OrdinalIgnoreCase), $"'{fragment}' not in: {lines[0]}");
        }

        return lines[0];
    }
}
