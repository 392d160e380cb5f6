using ExecGov.Credentials.Agent.Keys;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>Loads the agent's key file through the Agent SDK (which refuses a file others can access), with actionable errors.</summary>
internal static class AgentKeys
{
    public static AgentKey Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.NotFound, "key_file_not_found",
                $"Agent key file {path} does not exist; create it with the sample agent's keygen --key {path} (and register its public key), or pass the right --key.");
        }

        try
        {
            return AgentKey.Load(path);
        }
        catch (AgentKeyException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, "key_file_refused", ex.Message);
        }
    }
}
