using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>
/// What one group commit changes, staged beside the committed state: counters, list states, blocks, entry
/// changes and events. Merged into the committed state only after the durable commit; dropped when the
/// commit fails, so memory never runs ahead of the disk.
/// </summary>
internal sealed class Batch(long lastEventId, long lastActId, int currentListId, DateTimeOffset at)
{
    public long LastEventId { get; set; } = lastEventId;

    public long LastActId { get; set; } = lastActId;

    public int CurrentListId { get; set; } = currentListId;

    public DateTimeOffset At { get; } = at;

    public Dictionary<int, ListState> Lists { get; } = [];

    /// <summary>Block changes by key; a null value removes the block.</summary>
    public Dictionary<string, RevocationAction?> Blocks { get; } = new(StringComparer.Ordinal);

    public List<(int ListId, int Index, StatusValue Status)> EntryChanges { get; } = [];

    public List<StoredEvent> Events { get; } = [];

    public List<int> NewLists { get; } = [];

    public HashSet<int> ChangedLists { get; } = [];

    public List<Action> Completions { get; } = [];
}
