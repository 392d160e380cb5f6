using System.CommandLine;
using System.CommandLine.Help;
using ExecGov.Credentials.Cli.Admins;
using ExecGov.Credentials.Cli.Agents;
using ExecGov.Credentials.Cli.Audit;
using ExecGov.Credentials.Cli.Credentials;
using ExecGov.Credentials.Cli.Keys;
using ExecGov.Credentials.Cli.Login;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Revocation;
using ExecGov.Credentials.Cli.Status;
using ExecGov.Credentials.Cli.Verification;

namespace ExecGov.Credentials.Cli;

/// <summary>The <c>execgov</c> command tree, and how a run ends: one line per failure and a stable exit code.</summary>
internal static class CliApp
{
    public const string Name = "execgov";

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "execgov: the ExecGov.Credentials command line. Sign in to the issuer, manage signing keys and agents, issue, " +
            "approve, inspect and revoke credentials, verify presentations, trace the audit trail. Exit codes: 0 ok, 1 usage, " +
            "2 invalid input, 3 not found, 4 denied, 5 unavailable, 6 not signed in or not allowed, 7 cancelled, 8 refused, " +
            "9 pending approval (docs/cli.md).");
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(GlobalOptions.Issuer);
        root.Options.Add(GlobalOptions.Profile);
        root.Subcommands.Add(LoginCommand.Build());
        root.Subcommands.Add(AdminsCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        root.Subcommands.Add(AgentsCommand.Build());
        root.Subcommands.Add(CredentialsCommand.Build());
        root.Subcommands.Add(RevokeCommand.Build());
        root.Subcommands.Add(VerifyCommand.Build());
        root.Subcommands.Add(AuditCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build();
        var parse = root.Parse(args);
        var json = parse.GetResult(GlobalOptions.Json) is not null && parse.Errors.Count == 0 && parse.GetValue(GlobalOptions.Json);
        var output = new CliOutput(json, stdout, stderr);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            // An unknown word explains more than the "required command" error it causes, so it goes first.
            var first = parse.Errors.FirstOrDefault(e => e.Message.Contains("Unrecognized", StringComparison.OrdinalIgnoreCase)) ?? parse.Errors[0];
            var error = first.Message.Trim();
            var command = CommandExtensions.PathOf(parse.CommandResult.Command);
            output.Failure(new CliException(ExitCodes.Usage, "usage",
                $"{(error.EndsWith('.') ? error : error + ".")} Run '{command} --help' for usage."));
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = stdout,
            Error = stderr,
        };
        try
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (CliException failure)
        {
            if (failure.ExitCode == ExitCodes.Usage && !failure.Message.Contains("--help", StringComparison.Ordinal))
            {
                failure = new CliException(ExitCodes.Usage, failure.Code,
                    $"{failure.Message} Run '{CommandExtensions.PathOf(parse.CommandResult.Command)} --help' for usage.");
            }

            output.Failure(failure);
            return failure.ExitCode;
        }
        catch (OperationCanceledException)
        {
            output.Failure(new CliException(ExitCodes.Interrupted, "interrupted", "Interrupted."));
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The last line of defence: a person gets one line, never a stack trace.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            output.Failure(new CliException(ExitCodes.Internal, "internal_error",
                $"Unexpected failure inside execgov ({CliOutput.OneLine(unexpected.Message)}); this is a bug, please report it with the command line."));
            return ExitCodes.Internal;
        }
    }
}
