namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>
/// Thrown by <see cref="Proofs.ExecGovProofHandler"/> when no credential could be obtained for a request: an
/// <see cref="HttpRequestException"/>, so code that handles failed HTTP calls already handles it.
/// </summary>
public sealed class AgentCredentialException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    public AgentCredentialException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AgentCredentialException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AgentCredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed <see cref="CredentialResult"/>.</summary>
    public AgentCredentialException(CredentialResult result)
        : base(Describe(result))
    {
        ArgumentNullException.ThrowIfNull(result);
        Error = result.Error;
        IssuerCode = result.IssuerCode;
    }

    /// <summary>Why no credential could be obtained.</summary>
    public AgentCredentialError Error { get; }

    /// <summary>The issuer's problem code, when it refused.</summary>
    public string? IssuerCode { get; }

    private static string Describe(CredentialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IssuerCode is null
            ? $"No ExecGov credential could be obtained ({result.Error}): {result.Detail}"
            : $"No ExecGov credential could be obtained ({result.Error}, issuer code {result.IssuerCode}): {result.Detail}";
    }
}
