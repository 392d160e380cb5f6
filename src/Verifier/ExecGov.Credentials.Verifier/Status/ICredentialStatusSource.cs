using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// Answers the revocation status of a credential. Called on every verification, after the signature and
/// claims are checked; implementations answer from memory on the hot path and must never throw for bad
/// data from outside: a list they cannot fetch, verify or trust is <see cref="CredentialStatus.Unavailable"/>.
/// </summary>
public interface ICredentialStatusSource
{
    /// <summary>The status of the credential that <paramref name="reference"/> points at, issued by <paramref name="issuer"/>.</summary>
    ValueTask<CredentialStatus> GetStatusAsync(string issuer, StatusListReference reference, CancellationToken cancellationToken);
}
