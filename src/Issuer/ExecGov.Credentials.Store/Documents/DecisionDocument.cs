namespace ExecGov.Credentials.Store;

/// <summary>
/// A decision record received from a verifier (collection <c>decisions</c>), keyed by the submitting client and
/// its decision id (<see cref="KeyOf"/>) so a batch sent twice is recorded once, and one verifier client cannot
/// claim (and so suppress) another's ids. The audit trail holds the record itself; this is the idempotency index.
/// </summary>
internal sealed class DecisionDocument
{
    /// <summary><see cref="KeyOf"/> of the client and the decision id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The subject of the verifier client that submitted it.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The verifier's decision id.</summary>
    public string DecisionId { get; set; } = string.Empty;

    public string? CredentialId { get; set; }

    /// <summary>The sequence number of the audit record that holds it.</summary>
    public long AuditSequence { get; set; }

    /// <summary>Unix milliseconds when the issuer received it.</summary>
    public long ReceivedAt { get; set; }

    /// <summary>
    /// The store key of a decision id submitted by <paramref name="clientId"/>. Decision ids never hold <c>/</c>
    /// (the issuer's <c>Identifiers</c>), so the last <c>/</c> separates the two and no pair collides with another.
    /// </summary>
    public static string KeyOf(string clientId, string decisionId) => clientId + "/" + decisionId;
}
