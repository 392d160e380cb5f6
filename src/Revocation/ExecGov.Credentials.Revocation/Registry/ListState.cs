namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>The writer's counters for one list; a batch works on a copy and the copy replaces it on commit.</summary>
internal sealed record ListState(int Id, int Size, long CreatedAt)
{
    public int Allocated { get; set; }

    public long Version { get; set; }

    /// <summary>The key of the list's index permutation (<see cref="IndexPermutation"/>); null for lists started before it existed.</summary>
    public byte[]? IndexKey { get; init; }

    public ListState Copy() => this with { };
}
