using System.CommandLine;
using ExecGov.Credentials.Agent.Keys;

namespace ExecGov.Samples.Agent.Commands;

/// <summary><c>keygen --key &lt;path&gt; [--jwk-out &lt;path&gt;]</c>: creates the key file (0600) if absent; prints the public JWK.</summary>
internal static class KeygenCommand
{
    public static Command Build(TextWriter stdout)
    {
        var key = CommonOptions.Key();
        var jwkOut = new Option<string?>("--jwk-out") { Description = "Also write the public JWK to this file (for the admin who registers the agent)." };
        var command = new Command("keygen", "Create the agent's Ed25519 key file (mode 0600) unless it exists, and print its public JWK.") { key, jwkOut };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // An existing key is kept, never overwritten: registering a new public key is the admin's decision.
            using var agentKey = AgentKey.LoadOrCreate(parse.GetRequiredValue(key));
            if (parse.GetValue(jwkOut) is { } path)
            {
                try
                {
                    await File.WriteAllTextAsync(path, agentKey.PublicJwk + "\n", cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw CommandException.BadInput($"cannot write {path}: {ex.Message}");
                }
            }

            await stdout.WriteLineAsync(agentKey.PublicJwk).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
