namespace ExecGov.Credentials.Revocation;

/// <summary>One committed revocation act, for the audit trail.</summary>
public sealed record RevocationAuditRecord
{
    /// <summary>The act's id in the revocation store.</summary>
    public required long ActId { get; init; }

    /// <summary>What was asked.</summary>
    public required RevocationRequest Request { get; init; }

    /// <summary>What it did.</summary>
    public required RevocationResult Result { get; init; }
}
