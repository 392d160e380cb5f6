namespace ExecGov.Credentials.Cli;

/// <summary>Stable process exit codes; scripts may rely on them (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked (for <c>verify</c> and <c>inspect</c>: the credential is usable).</summary>
    public const int Ok = 0;

    /// <summary>The command line itself was wrong (unknown command or option, missing or malformed value).</summary>
    public const int Usage = 1;

    /// <summary>An input was malformed or refused as malformed (bad token, bad file, bad URL, bad value).</summary>
    public const int InvalidInput = 2;

    /// <summary>Something named does not exist (file, agent, credential, approval, trace).</summary>
    public const int NotFound = 3;

    /// <summary>A verification ran and denied, or an inspected credential is not usable (bad signature, expired, revoked).</summary>
    public const int Denied = 4;

    /// <summary>The service could not be reached, is not an ExecGov service, is not ready, or failed (5xx, rate limit).</summary>
    public const int Unavailable = 5;

    /// <summary>Not signed in, the admin token expired or was refused, or the admin client lacks the role.</summary>
    public const int Unauthorized = 6;

    /// <summary>The user declined (or did not give) a confirmation.</summary>
    public const int Cancelled = 7;

    /// <summary>The issuer refused the request by policy or state (outside the ceiling, agent exists, already decided, issuance blocked).</summary>
    public const int Refused = 8;

    /// <summary>The request waits for a human approver; the approval id is printed.</summary>
    public const int Pending = 9;

    /// <summary>An unexpected failure inside the CLI (a bug: please report it with the command line).</summary>
    public const int Internal = 70;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Interrupted = 130;
}
