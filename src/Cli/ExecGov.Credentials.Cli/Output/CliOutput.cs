using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace ExecGov.Credentials.Cli.Output;

/// <summary>
/// Writes results either as tables for people or, with <c>--json</c>, as one JSON document on standard
/// output for scripts. Errors always go to standard error as one line.
/// </summary>
internal sealed class CliOutput(bool json, TextWriter stdout)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public bool Json { get; } = json;

    public void Table(string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows, JsonNode jsonDocument)
    {
        if (Json)
        {
            stdout.WriteLine(jsonDocument.ToJsonString(Indented));
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => Markup.Escape(cell ?? "-")).ToArray());
        }

        Console().Write(table);
    }

    public void Message(string text, JsonNode jsonDocument)
    {
        if (Json)
        {
            stdout.WriteLine(jsonDocument.ToJsonString(Indented));
            return;
        }

        stdout.WriteLine(text);
    }

    private IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(stdout),
        Ansi = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = ColorSystemSupport.Detect,
    });
}
