namespace ExecGov.Credentials.Revocation.Storage;

/// <summary>
/// One event of the stream (collection <c>events</c>, <c>_id</c> = event id, gap-free), written in the same
/// transaction as the act or allocation that caused it, so replay after a restart is exact.
/// </summary>
internal sealed class EventDocument
{
    public long Id { get; set; }

    /// <summary>"status" or "list".</summary>
    public string Kind { get; set; } = string.Empty;

    public int ListId { get; set; }

    public long Version { get; set; }

    public int Status { get; set; }

    public int[] Indices { get; set; } = [];

    /// <summary>The act that caused a status event; 0 for a list event.</summary>
    public long ActId { get; set; }
}
