using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Revocation.Logging;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Revocation.Audit;

/// <summary>
/// The default <see cref="IRevocationAuditSink"/> when the host registers none: writes each act to the log
/// (never the reason text, which may hold personal data). The issuer replaces it with its hash-chained trail.
/// </summary>
internal sealed class LoggingAuditSink(ILogger<LoggingAuditSink> logger) : IRevocationAuditSink
{
    public ValueTask RecordAsync(RevocationAuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        RevocationLog.AuditToLog(logger, record.ActId, record.Request.Action, record.Request.Scope, LogText.Escape(record.Request.Responder)!, record.Result.Covered, record.Result.Changed);
        return ValueTask.CompletedTask;
    }
}
