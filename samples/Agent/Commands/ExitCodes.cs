namespace ExecGov.Samples.Agent.Commands;

/// <summary>The sample agent's exit codes (stable: scripts and the README rely on them).</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>call</c>/<c>run</c> the target answered 2xx, for <c>mcp</c> the tool result was not an error.</summary>
    public const int Ok = 0;

    /// <summary>Could not complete: the issuer refused or was unreachable, the target could not be reached.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a missing or malformed option, an unreadable key or credential file.</summary>
    public const int BadInput = 2;

    /// <summary>The target answered, and said no: a non-2xx status, or an MCP error result (an ExecGov denial among them).</summary>
    public const int Refused = 3;
}
