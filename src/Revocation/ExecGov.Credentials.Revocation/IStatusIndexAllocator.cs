using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Revocation;

/// <summary>
/// The issuer calls this while it signs a credential, and puts the answer in the credential's
/// <c>status.status_list</c> claim. The allocation is durably committed before it returns, so a credential
/// that was handed out can always be found and revoked after a crash.
/// </summary>
public interface IStatusIndexAllocator
{
    /// <summary>
    /// Allocates the next free index (a new list starts when the current one fills). Registering the same
    /// credential id again returns its existing reference.
    /// </summary>
    /// <exception cref="ArgumentException">The registration is incomplete, or its credential id is already registered with different data.</exception>
    /// <exception cref="IssuanceBlockedException">The session, agent, authoriser or signing key was revoked or suspended: do not issue.</exception>
    ValueTask<StatusListReference> AllocateAsync(CredentialRegistration registration, CancellationToken cancellationToken);
}
