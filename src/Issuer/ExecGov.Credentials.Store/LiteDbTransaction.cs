namespace ExecGov.Credentials.Store;

/// <summary>The LiteDB unit of work: the transaction itself is LiteDB's, bound to the writer thread.</summary>
internal sealed class LiteDbTransaction(IExecGovStore store) : IStoreTransaction
{
    private List<Action>? _committed;
    private List<Action>? _durable;

    public IExecGovStore Store { get; } = store;

    public bool IsDiscarded { get; private set; }

    public void Discard() => IsDiscarded = true;

    public void OnCommitted(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        (_committed ??= []).Add(action);
    }

    public void OnDurable(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        (_durable ??= []).Add(action);
    }

    public void RunCommitted() => _committed?.ForEach(a => a());

    public void RunDurable() => _durable?.ForEach(a => a());
}
