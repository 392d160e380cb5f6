using ExecGov.Samples.Agent.Commands;

namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>Runs the sample agent's command line in-process, exactly as its Program.Main does, capturing both outputs.</summary>
internal static class SampleAgent
{
    public static async Task<AgentRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var exitCode = await AgentCommandLine.RunAsync(args, stdout, stderr, timeout.Token);
        return new AgentRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>What one run of the sample agent printed and returned.</summary>
internal sealed record AgentRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
