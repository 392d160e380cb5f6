namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="IsIntact">True when every record links to the one before and matches its own hash.</param>
/// <param name="RecordCount">How many records were checked.</param>
/// <param name="FirstBrokenSequence">The sequence number of the first record that fails, if any.</param>
/// <param name="Problem">What is wrong with that record: <c>hash_mismatch</c>, <c>previous_hash_mismatch</c> or <c>sequence_gap</c>.</param>
/// <param name="LastHash">The hash of the last record (the chain head), to pin externally.</param>
public sealed record AuditChainReport(bool IsIntact, long RecordCount, long? FirstBrokenSequence, string? Problem, string? LastHash);
