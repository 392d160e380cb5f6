namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// One committed, numbered event, kept in memory for replay. <see cref="Data"/> is its one-line JSON,
/// serialized once when it is committed rather than once per subscriber.
/// </summary>
internal sealed record StoredEvent(long Id, EventKind Kind, int ListId, long Version, string Data)
{
    /// <summary>The SSE <c>event</c> name.</summary>
    public string EventName => Kind == EventKind.Status ? EventNames.Status : EventNames.List;
}
