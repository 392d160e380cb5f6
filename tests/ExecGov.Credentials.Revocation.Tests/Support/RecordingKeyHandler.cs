using System.Collections.Concurrent;

namespace ExecGov.Credentials.Revocation.Tests.Support;

internal sealed class RecordingKeyHandler : ISigningKeyCompromiseHandler
{
    public ConcurrentQueue<string> Withdrawn { get; } = new();

    public ValueTask OnCompromisedAsync(string keyId, CancellationToken cancellationToken)
    {
        Withdrawn.Enqueue(keyId);
        return ValueTask.CompletedTask;
    }
}
