namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="IsIntact">True when every record links to the one before and matches its own hash.</param>
/// <param name="RecordCount">How many records were checked.</param>
/// <param name="Breaks">Every broken record, in sequence order; empty when intact.</param>
/// <param name="LastHash">The hash of the last record (the chain head), to pin externally.</param>
public sealed record AuditChainReport(bool IsIntact, long RecordCount, IReadOnlyList<AuditChainBreak> Breaks, string? LastHash)
{
    /// <summary>The sequence number of the first record that fails, if any.</summary>
    public long? FirstBrokenSequence => Breaks.Count > 0 ? Breaks[0].Sequence : null;

    /// <summary>What is wrong with the first broken record, if any.</summary>
    public string? Problem => Breaks.Count > 0 ? Breaks[0].Problem : null;
}
