using System.Text.RegularExpressions;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Docs;

/// <summary><c>execgov --help</c> and every subcommand's help are complete, and consistent with docs/cli.md.</summary>
public sealed partial class HelpTests
{
    private static readonly string[] SharedOptions = ["--json", "--issuer", "--profile", "--help", "--version"];

    [Fact]
    public async Task Every_command_has_help_with_a_description_and_is_documented_with_all_its_options()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"));
        var docs = await File.ReadAllTextAsync(Path.Combine(Artifacts.RepositoryRoot, "docs", "cli.md"));
        var sections = Sections(docs);
        var leaves = (await WalkAsync(cli, [])).Order(StringComparer.Ordinal).ToList();

        Assert.True(leaves.Count >= 25, $"only {leaves.Count} commands found: {string.Join(", ", leaves)}");
        var helps = await Task.WhenAll(leaves.Select(leaf => cli.RunAsync([.. leaf.Split(' '), "--help"])));
        foreach (var (leaf, help) in leaves.Zip(helps))
        {
            help.Expect(0);
            Assert.Contains("Description:", help.Stdout, StringComparison.Ordinal);
            Assert.Contains($"Usage:\n  execgov {leaf}", help.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.True(sections.TryGetValue(leaf, out var section), $"docs/cli.md has no section '### `execgov {leaf}`'");
            foreach (var option in Options(help.Stdout).Except(SharedOptions))
            {
                Assert.True(section!.Contains(option, StringComparison.Ordinal) || OptionDocumentedAsScope(option, section, docs),
                    $"docs/cli.md section 'execgov {leaf}' does not mention {option}");
            }
        }

        Assert.Empty(sections.Keys.Except(leaves));
    }

    [Fact]
    public async Task Root_help_lists_every_command_and_the_exit_codes()
    {
        using var folder = new TempFolder();
        var help = (await new CliProcess(folder.File("config")).RunAsync("--help")).Expect(0);

        foreach (var command in new[] { "login", "admins", "keys", "agents", "credentials", "revoke", "verify", "audit", "status" })
        {
            Assert.Matches(new Regex($@"\n\s+{command}\s"), help.Stdout);
        }

        Assert.Contains("9 pending approval", help.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The leaf commands under <paramref name="path"/>. Each branch returns its own list: the branches run at once,
    /// and adding to one shared list from them lost commands now and then (a list is not safe for concurrent adds).
    /// </summary>
    private static async Task<IEnumerable<string>> WalkAsync(CliProcess cli, string[] path)
    {
        var help = (await cli.RunAsync([.. path, "--help"])).Expect(0);
        var subcommands = Subcommands(help.Stdout);
        if (subcommands.Count == 0)
        {
            return [string.Join(' ', path)];
        }

        var branches = await Task.WhenAll(subcommands.Select(sub => WalkAsync(cli, [.. path, sub])));
        return branches.SelectMany(leaves => leaves);
    }

    private static List<string> Subcommands(string help)
    {
        var start = help.IndexOf("\nCommands:\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        return help[(start + 11)..].Split('\n')
            .TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal))
            .Select(line => CommandName().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
    }

    private static IEnumerable<string> Options(string help)
    {
        var start = help.IndexOf("\nOptions:\n", StringComparison.Ordinal);
        return start < 0 ? [] : OptionName().Matches(help[start..]).Select(m => m.Groups[1].Value).Distinct();
    }

    /// <summary>Scope flags are documented once, in the "Scope options" table that the command's section links to.</summary>
    private static bool OptionDocumentedAsScope(string option, string section, string docs) =>
        section.Contains("[Scope options](#scope-options)", StringComparison.Ordinal) &&
        docs[docs.IndexOf("## Scope options", StringComparison.Ordinal)..].Contains($"`{option}", StringComparison.Ordinal);

    private static Dictionary<string, string> Sections(string docs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = SectionHeading().Matches(docs);
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : docs.IndexOf("\n## ", matches[i].Index, StringComparison.Ordinal);
            result[matches[i].Groups[1].Value] = docs[matches[i].Index..(end < 0 ? docs.Length : end)];
        }

        return result;
    }

    [GeneratedRegex(@"^\s{2}([a-z][a-z-]*)\s")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"(?<![\w-])(--[a-z][a-z-]*)")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"^### `execgov ([a-z -]+)`$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();
}
