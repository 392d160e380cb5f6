namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>
/// A decision record received from a verifier (collection <c>decisions</c>), keyed by its decision id so a
/// batch sent twice is recorded once. The audit trail holds the record itself; this is the idempotency index.
/// </summary>
internal sealed class DecisionDocument
{
    /// <summary>The verifier's decision id.</summary>
    public string Id { get; set; } = string.Empty;

    public string? CredentialId { get; set; }

    /// <summary>The sequence number of the audit record that holds it.</summary>
    public long AuditSequence { get; set; }

    /// <summary>Unix milliseconds when the issuer received it.</summary>
    public long ReceivedAt { get; set; }
}
