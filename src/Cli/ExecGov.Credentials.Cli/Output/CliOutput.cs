using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace ExecGov.Credentials.Cli.Output;

/// <summary>
/// Writes results either for people (tables, short sentences) or, with <c>--json</c>, as exactly one JSON
/// document on standard output for scripts. Errors go to standard error as one line (and, with <c>--json</c>,
/// also as a JSON document on standard output).
/// </summary>
internal sealed class CliOutput(bool json, TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool Json { get; } = json;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>True when a person watches standard error (progress and prompts go there).</summary>
    public bool Interactive => !Json && !System.Console.IsErrorRedirected;

    public void Document(JsonNode document) => Out.WriteLine(document.ToJsonString(Indented));

    /// <summary>Writes <paramref name="document"/> with <c>--json</c>; otherwise runs <paramref name="human"/>.</summary>
    public void Result(JsonNode document, Action human)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (Json)
        {
            Document(document);
        }
        else
        {
            human();
        }
    }

    public void Line(string text) => Out.WriteLine(text);

    /// <summary>A two-column table of names and values, for one object.</summary>
    public void Properties(string title, IEnumerable<(string Name, string? Value)> rows)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Rounded };
        table.AddColumn("field");
        table.AddColumn("value");
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value ?? "-"));
        }

        AnsiOut().Write(table);
    }

    public void Table(string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        var count = 0;
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => Markup.Escape(cell ?? "-")).ToArray());
            count++;
        }

        if (count == 0)
        {
            Out.WriteLine($"{title}: none.");
            return;
        }

        AnsiOut().Write(table);
    }

    /// <summary>
    /// Plain aligned columns for lists people scan and copy ids from: a header line, one line per row, two spaces
    /// between columns, never wider than <paramref name="width"/> (the last column is cut with an ellipsis).
    /// </summary>
    public void Columns(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> rows, int width = 80)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => r.Select(c => OneLine(c ?? "-")).ToList()).Prepend([.. headers]).ToList();
        var widths = Enumerable.Range(0, headers.Count).Select(i => cells.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        foreach (var row in cells)
        {
            var line = new System.Text.StringBuilder();
            for (var i = 0; i < row.Count; i++)
            {
                line.Append(i == row.Count - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            var text = line.ToString().TrimEnd();
            Out.WriteLine(text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…"));
        }
    }

    /// <summary>Reports a failure: one line on standard error; with <c>--json</c> also <c>{"error":…}</c> on standard output.</summary>
    public void Failure(CliException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (Json)
        {
            Document(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = failure.Code,
                    ["message"] = failure.Message,
                    ["exit_code"] = failure.ExitCode,
                },
            });
        }

        Error.WriteLine($"execgov: {OneLine(failure.Message)}");
    }

    /// <summary>
    /// One line of plain text: line breaks become spaces and other control characters (ANSI escapes, NUL, tabs)
    /// become U+FFFD, so text a request controlled cannot break the line or drive the terminal.
    /// </summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.ReplaceLineEndings(" ");
        return (line.Any(char.IsControl) ? string.Concat(line.Select(c => char.IsControl(c) ? '\uFFFD' : c)) : line).Trim();
    }

    private IAnsiConsole AnsiOut()
    {
        var terminal = ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output has no width; 80 columns would wrap ids and times mid-word in logs.
            console.Profile.Width = 200;
        }

        return console;
    }
}
