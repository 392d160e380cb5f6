namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// The issuer cannot start as configured (its data folder is in use by another process, or is open to other
/// users). The message is one line that says how to fix it; the host prints it and exits non-zero.
/// </summary>
public sealed class IssuerStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IssuerStartupException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public IssuerStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public IssuerStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code the host uses: 3 when another process holds the data folder, 2 for other refusals.</summary>
    public int ExitCode { get; init; } = 2;
}
