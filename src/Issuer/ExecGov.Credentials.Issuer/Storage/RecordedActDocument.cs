namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>
/// A revocation act whose issuer side (audit records, agent state) is committed here (collection
/// <c>revocation_acts</c>, <c>_id</c> = the act id in the revocation store). The revocation store delivers an
/// act at least once; this record makes the second delivery a no-op.
/// </summary>
internal sealed class RecordedActDocument
{
    public long Id { get; set; }

    /// <summary>The sequence number of the act's <c>revocation_recorded</c> audit record.</summary>
    public long AuditSeq { get; set; }

    /// <summary>Unix milliseconds when it was recorded here.</summary>
    public long RecordedAt { get; set; }
}
