using ExecGov.Samples.Agent.Commands;

namespace ExecGov.Samples.Agent;

/// <summary>The sample agent's command line (samples/README.md): keygen, call, mcp, run.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => AgentCommandLine.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
