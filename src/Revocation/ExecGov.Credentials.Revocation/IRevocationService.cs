namespace ExecGov.Credentials.Revocation;

/// <summary>Revokes, suspends and unsuspends credentials. The admin endpoints call this; so can the issuer.</summary>
public interface IRevocationService
{
    /// <summary>
    /// Applies one act. Returns only after the change is durably committed (it survives a SIGKILL of the
    /// process right after), the affected lists are republished and the events are on the stream; then the
    /// audit sink has been called and, for a signing-key revocation, the compromise handler. Concurrent
    /// calls are committed together (group commit). An unknown credential id is a result
    /// (<see cref="RevocationOutcome.UnknownCredential"/>), not an exception.
    /// </summary>
    /// <exception cref="ArgumentException">The request is incomplete (empty target, responder or reason) or names an undefined scope or action: validate input first.</exception>
    ValueTask<RevocationResult> ApplyAsync(RevocationRequest request, CancellationToken cancellationToken);
}
