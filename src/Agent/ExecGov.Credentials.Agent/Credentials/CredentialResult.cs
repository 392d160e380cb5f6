using System.Diagnostics.CodeAnalysis;

namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>The outcome of asking for a credential: the credential, or why there is none. Never thrown for issuer answers.</summary>
public sealed record CredentialResult
{
    private CredentialResult(IssuedCredential? credential, AgentCredentialError error, string? issuerCode, string? detail)
    {
        Credential = credential;
        Error = error;
        IssuerCode = issuerCode;
        Detail = detail;
    }

    /// <summary>The credential; null unless <see cref="IsSuccess"/>.</summary>
    public IssuedCredential? Credential { get; }

    /// <summary><see cref="AgentCredentialError.None"/> on success.</summary>
    public AgentCredentialError Error { get; }

    /// <summary>The issuer's problem <c>code</c> when it refused the request, e.g. <c>scope_exceeds_ceiling</c>.</summary>
    public string? IssuerCode { get; }

    /// <summary>What went wrong, for logs and people; never contains a token.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Credential"/> holds a credential.</summary>
    [MemberNotNullWhen(true, nameof(Credential))]
    public bool IsSuccess => Credential is not null;

    /// <summary>A success.</summary>
    public static CredentialResult Success(IssuedCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new CredentialResult(credential, AgentCredentialError.None, null, null);
    }

    /// <summary>A failure.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is <see cref="AgentCredentialError.None"/>.</exception>
    public static CredentialResult Failure(AgentCredentialError error, string detail, string? issuerCode = null)
    {
        if (error == AgentCredentialError.None)
        {
            throw new ArgumentOutOfRangeException(nameof(error), "A failure needs a reason.");
        }

        return new CredentialResult(null, error, issuerCode, detail);
    }
}
