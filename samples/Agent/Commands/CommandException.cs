namespace ExecGov.Samples.Agent.Commands;

/// <summary>Ends a command with one line on standard error and <see cref="ExitCode"/>.</summary>
internal sealed class CommandException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CommandException BadInput(string message) => new(ExitCodes.BadInput, message);

    public static CommandException Failed(string message) => new(ExitCodes.Failed, message);
}
