namespace ExecGov.Credentials.Revocation;

/// <summary>Revokes, suspends and unsuspends credentials. The admin endpoints call this; so can the issuer.</summary>
public interface IRevocationService
{
    /// <summary>
    /// Applies one act. Returns only after the change is durably committed (it survives a SIGKILL of the
    /// process right after), the affected lists are republished and the event is queued for push.
    /// </summary>
    /// <exception cref="ArgumentException">The request is incomplete (empty target, responder or reason).</exception>
    ValueTask<RevocationResult> ApplyAsync(RevocationRequest request, CancellationToken cancellationToken);
}
