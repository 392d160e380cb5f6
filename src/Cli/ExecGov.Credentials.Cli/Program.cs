namespace ExecGov.Credentials.Cli;

/// <summary>Entry point of <c>execgov</c>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error);
}
