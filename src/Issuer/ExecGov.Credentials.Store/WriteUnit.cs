namespace ExecGov.Credentials.Store;

/// <summary>One queued unit of work; answered only after the group holding it is durable (or it was rolled back).</summary>
internal abstract class WriteUnit
{
    public abstract void Run(IStoreTransaction transaction);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

/// <summary>A unit with its result.</summary>
internal sealed class WriteUnit<T>(Func<IStoreTransaction, T> work) : WriteUnit
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override void Run(IStoreTransaction transaction) => _result = work(transaction);

    public override void Complete() => _completion.TrySetResult(_result);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
