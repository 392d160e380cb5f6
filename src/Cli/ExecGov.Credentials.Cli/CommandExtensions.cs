using System.CommandLine;

namespace ExecGov.Credentials.Cli;

/// <summary>Wires a command to a handler that gets a <see cref="CliContext"/>.</summary>
internal static class CommandExtensions
{
    public static Command Handle(this Command command, Func<CliContext, CancellationToken, Task<int>> handler)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(handler);
        command.SetAction((parse, cancellationToken) =>
            handler(new CliContext(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error), cancellationToken));
        return command;
    }

    public static Command With(this Command command, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Command sub:
                    command.Subcommands.Add(sub);
                    break;
                default:
                    throw new ArgumentException($"Unsupported symbol {symbol.GetType().Name}.", nameof(symbols));
            }
        }

        return command;
    }

    /// <summary>The full command path for messages, e.g. <c>execgov agents show</c>.</summary>
    public static string PathOf(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? CliApp.Name : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
