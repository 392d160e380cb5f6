namespace ExecGov.Credentials.Agent.Keys;

/// <summary>An agent key file is missing, unreadable, unsafe or refused; the message says how to fix it.</summary>
public sealed class AgentKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentKeyException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong and what to do.</summary>
    public AgentKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public AgentKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
