namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>Receives every decision record after it was logged. Must not block or throw: it runs on the request path.</summary>
public interface IDecisionRecordSink
{
    /// <summary>Takes <paramref name="record"/>; false when it had to drop it (for example a full queue).</summary>
    bool TryWrite(DecisionRecord record);
}
