namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>What one run of the sample agent printed and returned.</summary>
internal sealed record AgentRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
