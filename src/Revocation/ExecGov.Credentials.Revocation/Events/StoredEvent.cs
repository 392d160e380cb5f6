namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// One committed, numbered event, kept in memory for replay. <see cref="Data"/> is its one-line JSON,
/// serialized once when it is committed rather than once per subscriber.
/// </summary>
/// <remarks>A <see cref="EventKind.KeyWithdrawn"/> event belongs to no list: its <see cref="ListId"/> and <see cref="Version"/> are 0.</remarks>
internal sealed record StoredEvent(long Id, EventKind Kind, int ListId, long Version, string Data)
{
    /// <summary>The SSE <c>event</c> name.</summary>
    public string EventName => Kind switch
    {
        EventKind.Status => EventNames.Status,
        EventKind.List => EventNames.List,
        _ => EventNames.KeyWithdrawn,
    };
}
