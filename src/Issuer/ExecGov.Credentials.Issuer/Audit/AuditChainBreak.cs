namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>One broken place in the audit chain.</summary>
/// <param name="Sequence">The sequence number of the record that fails (for a gap: the first missing one).</param>
/// <param name="Position">The 1-based position of that record among the records read, in sequence order (for a gap: of the record after it).</param>
/// <param name="Problem"><c>hash_mismatch</c>, <c>previous_hash_mismatch</c> or <c>sequence_gap</c>.</param>
public sealed record AuditChainBreak(long Sequence, long Position, string Problem);
