using Microsoft.Extensions.Logging;
using ExecGov.Credentials.Diagnostics;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Writes every allow and deny as a structured log event (id 3001 allow, 3002 deny; category
/// <c>ExecGov.Credentials.Verifier.AspNetCore.Decisions.DecisionRecorder</c>) and hands it to the registered
/// <see cref="IDecisionRecordSink"/>s (for example the <see cref="DecisionShipper"/>). Sinks must not block.
/// </summary>
public sealed partial class DecisionRecorder
{
    private readonly IDecisionRecordSink[] _sinks;
    private readonly ILogger _logger;

    /// <summary>Creates the recorder.</summary>
    public DecisionRecorder(IEnumerable<IDecisionRecordSink> sinks, ILogger<DecisionRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(logger);
        _sinks = [.. sinks];
        _logger = logger;
    }

    /// <summary>Logs and ships <paramref name="decision"/>, made for <paramref name="audience"/>.</summary>
    public DecisionRecord Record(Decision decision, string? audience)
    {
        var record = DecisionRecord.From(decision, audience);
        // Action, resource and audience come from the request (a route value, a tool name), the rest from the token:
        // every text member is escaped (no CR, LF, NUL or ESC) so a request cannot forge a log line.
        if (decision.IsAllowed && _logger.IsEnabled(LogLevel.Information))
        {
            LogAllowed(_logger, record.DecisionId, record.DecidedAt, E(record.Agent), E(record.Authoriser), E(record.CredentialId), E(record.SessionId), E(record.Action), E(record.Resource), E(record.Audience), record.Reason);
        }
        else if (!decision.IsAllowed && _logger.IsEnabled(LogLevel.Warning))
        {
            LogDenied(_logger, record.DecisionId, record.DecidedAt, E(record.Agent), E(record.Authoriser), E(record.CredentialId), E(record.SessionId), E(record.Action), E(record.Resource), E(record.Audience), record.Reason);
        }

        foreach (var sink in _sinks)
        {
            try
            {
                sink.TryWrite(record);
            }
#pragma warning disable CA1031 // A broken audit sink must not turn a decision into an error page; the record is in the log above.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSinkFault(_logger, sink.GetType().Name, ex.GetType().Name);
            }
        }

        return record;
    }

    private static string? E(string? value) => value is null ? null : LogText.Escape(value);

    [LoggerMessage(EventId = 3001, EventName = "DecisionAllowed", Level = LogLevel.Information,
        Message = "Decision {DecisionId} at {DecidedAt:O}: allow {Action} on {Resource} at {Audience} for agent {Agent}, authoriser {Authoriser}, credential {CredentialId}, session {SessionId} ({Reason})")]
    private static partial void LogAllowed(ILogger logger, string decisionId, DateTimeOffset decidedAt, string? agent, string? authoriser, string? credentialId, string? sessionId, string? action, string? resource, string? audience, string reason);

    [LoggerMessage(EventId = 3002, EventName = "DecisionDenied", Level = LogLevel.Warning,
        Message = "Decision {DecisionId} at {DecidedAt:O}: deny {Action} on {Resource} at {Audience} for agent {Agent}, authoriser {Authoriser}, credential {CredentialId}, session {SessionId} ({Reason})")]
    private static partial void LogDenied(ILogger logger, string decisionId, DateTimeOffset decidedAt, string? agent, string? authoriser, string? credentialId, string? sessionId, string? action, string? resource, string? audience, string reason);

    [LoggerMessage(EventId = 3003, EventName = "DecisionSinkFault", Level = LogLevel.Error,
        Message = "Decision record sink {Sink} failed ({Fault}); the record is only in the log")]
    private static partial void LogSinkFault(ILogger logger, string sink, string fault);
}
