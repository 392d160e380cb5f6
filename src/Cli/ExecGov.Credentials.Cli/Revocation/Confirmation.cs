namespace ExecGov.Credentials.Cli.Revocation;

/// <summary>
/// Asks "are you sure" on standard error and reads the answer from standard input (a terminal, or a pipe such as
/// <c>echo y |</c>). Only <c>y</c> or <c>yes</c> proceeds; anything else, or no answer at all, cancels.
/// </summary>
internal static class Confirmation
{
    public static async Task RequireAsync(CliContext context, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Output.Error.WriteAsync($"{question} [y/N] ").ConfigureAwait(false);
        await context.Output.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
        if (answer is null || Console.IsInputRedirected)
        {
            await context.Output.Error.WriteLineAsync().ConfigureAwait(false);
        }

        if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCodes.Cancelled, "not_confirmed", "Not confirmed; nothing was changed. Answer y, or pass --yes to skip the question.");
        }
    }
}
