using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// Runs the commands of a Markdown document exactly as written: every fenced block tagged <c>bash</c>, line by
/// line (a trailing <c>\</c> continues a line), in one bash session, stopping at the first command whose exit code is
/// not the expected one: 0, or N when the line ends with the comment <c># exits N</c>. Only clearly marked
/// placeholders change: <c>&lt;name&gt;</c> tokens (a runbook's blanks) and literal values the caller lists (the
/// default ports and data folder of a walkthrough), and a placeholder left unfilled fails the run.
/// </summary>
internal static partial class MarkdownScript
{
    /// <summary>The commands of the whole document, or of one section (from its <c>## </c> heading to the next).</summary>
    public static IReadOnlyList<Command> Extract(string markdownPath, string? section = null)
    {
        var commands = new List<Command>();
        var lines = File.ReadAllLines(markdownPath);
        var first = 0;
        var last = lines.Length;
        if (section is not null)
        {
            first = Array.IndexOf(lines, "## " + section);
            if (first < 0)
            {
                throw new InvalidOperationException($"{markdownPath} has no section '## {section}'.");
            }

            var next = Array.FindIndex(lines, first + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            last = next < 0 ? lines.Length : next;
        }

        var inBash = false;
        var fenced = false;
        var pending = new StringBuilder();
        var pendingLine = 0;
        for (var i = first; i < last; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (!fenced)
                {
                    fenced = true;
                    inBash = trimmed[3..].Trim() == "bash";
                }
                else
                {
                    fenced = false;
                    inBash = false;
                }

                continue;
            }

            if (!inBash)
            {
                continue;
            }

            if (pending.Length == 0)
            {
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                pendingLine = i + 1;
            }

            if (line.EndsWith('\\'))
            {
                pending.Append(line[..^1]).Append(' ');
                continue;
            }

            pending.Append(line);
            var text = pending.ToString().Trim();
            pending.Clear();
            var expected = 0;
            var exits = ExitsComment().Match(text);
            if (exits.Success)
            {
                expected = int.Parse(exits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            commands.Add(new Command(pendingLine, text, expected));
        }

        return commands;
    }

    /// <summary>What the script prints, alone on a line, when it stops for the test (followed by the pause's name).</summary>
    public const string PauseMarker = "@@PAUSE@@ ";

    /// <summary>
    /// Fills the placeholders and builds one bash script that checks every command's exit code. Before a command
    /// for which <paramref name="pauseBefore"/> returns a name, the script prints <see cref="PauseMarker"/> and the
    /// name and waits for a line on standard input: the point where a reader turns to another terminal (to start a
    /// service) or waits for something to happen, which the test does instead (see <see cref="RunAsync"/>).
    /// </summary>
    public static string Build(IEnumerable<Command> commands, IReadOnlyDictionary<string, string> substitutions, Func<Command, bool>? skip = null,
        Func<Command, string?>? pauseBefore = null)
    {
        var script = new StringBuilder("set -u\n");
        foreach (var command in commands)
        {
            if (skip?.Invoke(command) == true)
            {
                continue;
            }

            if (pauseBefore?.Invoke(command) is { } pause)
            {
                script.Append("printf '%s\\n' ").Append(Quote(PauseMarker + pause)).Append('\n');
                script.Append("read -r _ || exit 98\n");
            }

            var text = command.Text;
            foreach (var (placeholder, value) in substitutions.OrderByDescending(s => s.Key.Length))
            {
                text = text.Replace(placeholder, value, StringComparison.Ordinal);
            }

            var unfilled = Placeholder().Match(text);
            if (unfilled.Success)
            {
                throw new InvalidOperationException($"line {command.Line}: placeholder {unfilled.Value} has no value in the test: {command.Text}");
            }

            script.Append("printf '%s\\n' ").Append(Quote($"$ {text}")).Append('\n');
            script.Append(text).Append('\n');
            script.Append("rc=$?; if [ \"$rc\" -ne ").Append(command.ExpectedExit)
                .Append(" ]; then printf '%s\\n' ").Append(Quote($"STEP FAILED (line {command.Line}, expected exit {command.ExpectedExit}): {command.Text}"))
                .Append(" \"got exit $rc\" >&2; exit 97; fi\n");
        }

        script.Append("printf '%s\\n' 'ALL STEPS PASSED'\n");
        return script.ToString();
    }

    /// <summary>
    /// Runs <paramref name="script"/> in bash in <paramref name="workingDirectory"/>; returns exit code and the combined
    /// transcript. At each pause of the script, <paramref name="onPause"/> runs with the pause's name, then the script
    /// goes on; without one, standard input is closed at once and a pause ends the script.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string script, string workingDirectory, Action<IDictionary<string, string?>> environment, TimeSpan timeout, Func<string, Task>? onPause = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        environment(start.Environment);
        using var process = Process.Start(start)!;
        if (onPause is null)
        {
            process.StandardInput.Close();
        }

        using var cancel = new CancellationTokenSource(timeout);
        var stdout = ReadAsync(process, onPause);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The script did not finish within {timeout}: {await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Standard output, line by line, answering each pause once <paramref name="onPause"/> is done.</summary>
    private static async Task<string> ReadAsync(Process process, Func<string, Task>? onPause)
    {
        var transcript = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (onPause is not null && line.StartsWith(PauseMarker, StringComparison.Ordinal))
            {
                try
                {
                    await onPause(line[PauseMarker.Length..]);
                }
                catch
                {
                    // The script waits on its standard input: end it, or the test would wait for the timeout.
                    process.Kill(entireProcessTree: true);
                    throw;
                }

                await process.StandardInput.WriteLineAsync();
                await process.StandardInput.FlushAsync();
                continue;
            }

            transcript.Append(line).Append('\n');
        }

        return transcript.ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"#\s*exits\s+(\d+)\b")]
    private static partial Regex ExitsComment();

    [GeneratedRegex(@"<[a-z][a-z0-9-]*>")]
    private static partial Regex Placeholder();

    /// <summary>One command of the document: where it is, its text, and the exit code it must end with.</summary>
    internal sealed record Command(int Line, string Text, int ExpectedExit);
}
