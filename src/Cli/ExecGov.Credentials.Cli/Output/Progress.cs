using Spectre.Console;

namespace ExecGov.Credentials.Cli.Output;

/// <summary>
/// A spinner with a status line on standard error while a long operation runs. Shown only to a person:
/// never with <c>--json</c> and never when standard error is not a terminal (scripts, CI, tests).
/// </summary>
internal static class Progress
{
    public static async Task<T> RunAsync<T>(CliOutput output, string status, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        if (!output.Interactive)
        {
            return await work(static _ => { }).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(status), async context =>
                await work(text => context.Status(Markup.Escape(text))).ConfigureAwait(false))
            .ConfigureAwait(false);
    }
}
