namespace ExecGov.Credentials.Cli;

/// <summary>A failure to report as one line saying what is wrong and what to do, with a stable exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
