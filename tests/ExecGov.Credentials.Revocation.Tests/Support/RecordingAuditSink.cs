using System.Collections.Concurrent;

namespace ExecGov.Credentials.Revocation.Tests.Support;

internal sealed class RecordingAuditSink : IRevocationAuditSink
{
    public ConcurrentQueue<RevocationAuditRecord> Records { get; } = new();

    public bool Fail { get; set; }

    public ValueTask RecordAsync(RevocationAuditRecord record, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("audit store offline");
        }

        Records.Enqueue(record);
        return ValueTask.CompletedTask;
    }
}
