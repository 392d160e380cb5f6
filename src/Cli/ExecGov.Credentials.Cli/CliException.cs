namespace ExecGov.Credentials.Cli;

/// <summary>
/// A failure reported as one line saying what is wrong and what to do, with a stable exit code and a short
/// machine-readable <see cref="Code"/> for <c>--json</c> output. Never carries a secret.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string code, string message)
        : base(message)
    {
        ExitCode = exitCode;
        Code = code;
    }

    public CliException()
        : this(ExitCodes.InvalidInput, "error", "The command failed.")
    {
    }

    public CliException(string message)
        : this(ExitCodes.InvalidInput, "error", message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InvalidInput;
        Code = "error";
    }

    public int ExitCode { get; }

    /// <summary>A short error code (an issuer problem code, or one of the CLI's own: <c>not_signed_in</c>, <c>unreachable</c>, …).</summary>
    public string Code { get; }
}
