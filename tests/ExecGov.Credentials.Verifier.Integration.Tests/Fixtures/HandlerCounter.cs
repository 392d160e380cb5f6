namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>Counts handler (or tool) runs, so a test can prove a denied call never reached one.</summary>
public sealed class HandlerCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
