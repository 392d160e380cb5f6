namespace ExecGov.Credentials.Store;

/// <summary>One status list (collection <c>lists</c>, <c>_id</c> = list id, starting at 1).</summary>
internal sealed class ListDocument
{
    public int Id { get; set; }

    /// <summary>Entries in the list, fixed when it was started (a later change of the option applies to new lists only).</summary>
    public int Size { get; set; }

    /// <summary>How many indices are handed out: the counter that <see cref="IndexKey"/> maps to the next index.</summary>
    public int Allocated { get; set; }

    /// <summary>
    /// The secret key of the permutation from counter to index (Registry.IndexPermutation), 32 bytes; null for a
    /// list started before indices were permuted, whose indices are the counter itself. Never leaves the store.
    /// </summary>
    public byte[]? IndexKey { get; set; }

    /// <summary>Increased by exactly one per status event of this list; 0 when started.</summary>
    public long Version { get; set; }

    /// <summary>Unix seconds.</summary>
    public long CreatedAt { get; set; }
}
