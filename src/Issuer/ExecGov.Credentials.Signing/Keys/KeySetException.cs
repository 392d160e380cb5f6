namespace ExecGov.Credentials.Signing.Keys;

/// <summary>A keyset file is missing, unreadable, unsafe or refused; the message says how to fix it.</summary>
public sealed class KeySetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeySetException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong and what to do.</summary>
    public KeySetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public KeySetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
