using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>
/// What one unit of work changes, staged beside the committed state: counters, list states, blocks, entry
/// changes and events. The counters, lists and blocks are merged when the unit's transaction commits (the next
/// unit builds on them); the published lists and the event stream follow once it is durable. Dropped when the
/// unit rolls back, so memory never runs ahead of the disk.
/// </summary>
internal sealed class Batch(long lastEventId, long lastActId, int currentListId, long prunedThrough, DateTimeOffset at)
{
    public long LastEventId { get; set; } = lastEventId;

    public long LastActId { get; set; } = lastActId;

    public int CurrentListId { get; set; } = currentListId;

    public long PrunedThrough { get; set; } = prunedThrough;

    public DateTimeOffset At { get; } = at;

    public Dictionary<int, ListState> Lists { get; } = [];

    /// <summary>Block changes by key; a null value removes the block.</summary>
    public Dictionary<string, RevocationAction?> Blocks { get; } = new(StringComparer.Ordinal);

    public List<(int ListId, int Index, StatusValue Status)> EntryChanges { get; } = [];

    public List<StoredEvent> Events { get; } = [];

    public List<int> NewLists { get; } = [];

    public HashSet<int> ChangedLists { get; } = [];

    /// <summary>Log lines and the like, run once the unit is durable.</summary>
    public List<Action> Completions { get; } = [];
}
