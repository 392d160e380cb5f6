namespace ExecGov.Credentials.Store;

/// <summary>
/// One event of the stream (collection <c>events</c>, <c>_id</c> = event id, gap-free), written in the same
/// transaction as the act or allocation that caused it, so replay after a restart is exact.
/// </summary>
internal sealed class EventDocument
{
    public long Id { get; set; }

    /// <summary>"status", "list" or "key_withdrawn".</summary>
    public string Kind { get; set; } = string.Empty;

    public int ListId { get; set; }

    public long Version { get; set; }

    public int Status { get; set; }

    public int[] Indices { get; set; } = [];

    /// <summary>The act that caused a status or key_withdrawn event; 0 for a list event.</summary>
    public long ActId { get; set; }

    /// <summary>The withdrawn signing key of a key_withdrawn event; null otherwise.</summary>
    public string? KeyId { get; set; }
}
