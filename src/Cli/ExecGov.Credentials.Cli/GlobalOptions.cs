using System.CommandLine;

namespace ExecGov.Credentials.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write the result as JSON on standard output, for scripts.",
        Recursive = true,
    };
}
