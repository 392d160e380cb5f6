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
