namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>The writer's counters for one list; a batch works on a copy and the copy replaces it on commit.</summary>
internal sealed record ListState(int Id, int Size, long CreatedAt)
{
    public int Allocated { get; set; }

    public long Version { get; set; }

    public ListState Copy() => this with { };
}
