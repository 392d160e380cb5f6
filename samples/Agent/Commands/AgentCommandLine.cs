using System.CommandLine;
using ExecGov.Credentials.Agent.Keys;

namespace ExecGov.Samples.Agent.Commands;

/// <summary>
/// Parses and runs the sample agent's command line. Output goes to the given writers (the end-to-end test runs it
/// in-process); a bad option or input is one line on standard error and exit code 2, never a stack trace.
/// </summary>
internal static class AgentCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Sample ExecGov agent: acts with short-lived credentials and a fresh proof of possession on every call.")
        {
            KeygenCommand.Build(stdout),
            CallCommand.Build(stdout),
            McpCommand.Build(stdout),
            RunCommand.Build(stdout, stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await stderr.WriteLineAsync("error: " + parse.Errors[0].Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CommandException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (AgentKeyException ex)
        {
            // The SDK's key errors say what is wrong and how to fix it (e.g. chmod 600), never the key.
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
