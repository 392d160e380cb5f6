namespace ExecGov.Credentials.Store;

/// <summary>One unit of work inside <see cref="IExecGovStore.WriteAsync{T}"/>.</summary>
internal interface IStoreTransaction
{
    /// <summary>The store the unit writes to (through its collections).</summary>
    IExecGovStore Store { get; }

    /// <summary>Rolls the unit back when it returns, as an exception would, but still hands its value to the caller (a refusal that changes nothing).</summary>
    void Discard();

    /// <summary>Whether <see cref="Discard"/> was called.</summary>
    bool IsDiscarded { get; }

    /// <summary>
    /// Runs <paramref name="action"/> right after this unit commits, before the next unit starts, on the writer:
    /// for counters that the next unit must see. Not run when the unit rolls back.
    /// </summary>
    void OnCommitted(Action action);

    /// <summary>
    /// Runs <paramref name="action"/> once this unit is durable, in commit order, before its caller hears of it:
    /// for what others may observe (published lists, pushed events), which must never run ahead of the disk.
    /// </summary>
    void OnDurable(Action action);
}
