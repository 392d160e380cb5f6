namespace ExecGov.Credentials.Store;

/// <summary>One revocation act (collection <c>acts</c>, <c>_id</c> = act id): who, why, when, what it did.</summary>
internal sealed class ActDocument
{
    public long Id { get; set; }

    public string Scope { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Responder { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    /// <summary>Unix milliseconds of the commit.</summary>
    public long At { get; set; }

    public int Covered { get; set; }

    public int Changed { get; set; }

    public long? FirstEventId { get; set; }

    public long? LastEventId { get; set; }

    /// <summary>For a signing-key revocation: false until the compromise handler succeeded (retried after a restart). Null otherwise.</summary>
    public bool? KeyWithdrawn { get; set; }
}
