using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>One item for the writer thread. Completed only after the batch holding it is durably committed.</summary>
internal abstract class WriteWork
{
    public abstract void Fail(Exception exception);
}

/// <summary>An index allocation for a credential about to be issued.</summary>
internal sealed class AllocationWork(CredentialRegistration registration) : WriteWork
{
    public CredentialRegistration Registration { get; } = registration;

    public TaskCompletionSource<StatusListReference> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}

/// <summary>A revocation act.</summary>
internal sealed class ActWork(RevocationRequest request) : WriteWork
{
    public RevocationRequest Request { get; } = request;

    public TaskCompletionSource<RevocationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}

/// <summary>Starts the first list of an empty store (start-up only).</summary>
internal sealed class StartListWork : WriteWork
{
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
