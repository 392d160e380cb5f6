namespace ExecGov.Credentials.Cli;

/// <summary>Stable process exit codes; scripts may rely on them (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>An input was malformed or refused (bad token, bad file, bad value).</summary>
    public const int InvalidInput = 2;

    /// <summary>Something named does not exist (file, key, agent, credential).</summary>
    public const int NotFound = 3;

    /// <summary>A verification ran and denied.</summary>
    public const int Denied = 4;

    /// <summary>The service could not be reached or answered with a server error.</summary>
    public const int Unavailable = 5;

    /// <summary>Not signed in, or the admin token expired or lacks the role.</summary>
    public const int Unauthorized = 6;

    /// <summary>The user declined a confirmation prompt.</summary>
    public const int Cancelled = 7;
}
