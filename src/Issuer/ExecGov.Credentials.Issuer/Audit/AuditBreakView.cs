namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>One broken record in the answer of <c>GET /v1/audit/verify</c>.</summary>
internal sealed record AuditBreakView
{
    /// <summary>The sequence number of the record (for a gap: the first missing one).</summary>
    public required long Seq { get; init; }

    /// <summary>Its 1-based position among the records read, in sequence order.</summary>
    public required long Position { get; init; }

    /// <summary><c>hash_mismatch</c>, <c>previous_hash_mismatch</c> or <c>sequence_gap</c>.</summary>
    public required string Problem { get; init; }
}
