namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>The answer of <c>GET /v1/audit/verify</c>.</summary>
internal sealed record AuditVerifyView
{
    public required bool Intact { get; init; }

    public required long RecordCount { get; init; }

    /// <summary>The sequence number of the first broken record; absent when intact.</summary>
    public long? FirstBrokenSeq { get; init; }

    /// <summary><c>hash_mismatch</c>, <c>previous_hash_mismatch</c> or <c>sequence_gap</c>; absent when intact.</summary>
    public string? Problem { get; init; }

    /// <summary>Every broken record in sequence order (the first is <see cref="FirstBrokenSeq"/>); empty when intact.</summary>
    public required IReadOnlyList<AuditBreakView> Breaks { get; init; }

    /// <summary>The hash of the last record read (the chain head to pin when intact).</summary>
    public string? LastHash { get; init; }
}
