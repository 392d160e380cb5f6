namespace ExecGov.Credentials.Revocation;

/// <summary>
/// The audit hook: the issuer implements it to put each revocation act into its hash-chained audit trail.
/// Called after the act is durably committed; a failure here is logged and never undoes the act (the act
/// is also kept in the revocation store, so the trail can be reconciled).
/// </summary>
public interface IRevocationAuditSink
{
    /// <summary>Records one committed act.</summary>
    ValueTask RecordAsync(RevocationAuditRecord record, CancellationToken cancellationToken);
}
