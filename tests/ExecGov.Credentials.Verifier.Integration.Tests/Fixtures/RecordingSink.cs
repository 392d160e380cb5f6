using System.Collections.Concurrent;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>A decision record sink that keeps what it is given.</summary>
internal sealed class RecordingSink : IDecisionRecordSink
{
    public ConcurrentQueue<DecisionRecord> Records { get; } = new();

    public bool TryWrite(DecisionRecord record)
    {
        Records.Enqueue(record);
        return true;
    }
}
