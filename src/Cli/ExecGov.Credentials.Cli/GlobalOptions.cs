using System.CommandLine;

namespace ExecGov.Credentials.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
internal static class GlobalOptions
{
    /// <summary>Environment variable naming the issuer's base URL when <c>--issuer</c> is not given.</summary>
    public const string IssuerVariable = "EXECGOV_ISSUER";

    /// <summary>Environment variable naming the profile when <c>--profile</c> is not given.</summary>
    public const string ProfileVariable = "EXECGOV_PROFILE";

    /// <summary>Environment variable naming the configuration folder (default: the per-user config folder + <c>/execgov</c>).</summary>
    public const string ConfigDirectoryVariable = "EXECGOV_CONFIG_DIR";

    /// <summary>The issuer's default loopback address (docs/issuer.md).</summary>
    public const string DefaultIssuer = "http://127.0.0.1:5080";

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write the result as one JSON document on standard output, for scripts (errors too); no tables, colours or progress.",
        Recursive = true,
    };

    public static readonly Option<string?> Issuer = new("--issuer")
    {
        Description = $"The issuer's base URL. Default: ${IssuerVariable}, then the profile's issuer (saved by login), then {DefaultIssuer}.",
        HelpName = "url",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = $"The sign-in profile to use (letters, digits, '.', '_', '-'). Default: ${ProfileVariable}, then 'default'.",
        HelpName = "name",
        Recursive = true,
    };
}
