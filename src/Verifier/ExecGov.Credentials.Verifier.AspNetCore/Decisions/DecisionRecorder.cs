using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>
/// Writes every allow and deny as a structured log event (id 3001 allow, 3002 deny) and hands it to the
/// registered <see cref="IDecisionRecordSink"/>s (for example the <see cref="DecisionShipper"/>).
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
        if (decision.IsAllowed)
        {
            LogAllowed(_logger, record.DecisionId, record.Time, record.Agent, record.Authoriser, record.CredentialId, record.SessionId, record.Action, record.Resource, record.Reason);
        }
        else
        {
            LogDenied(_logger, record.DecisionId, record.Time, record.Agent, record.Authoriser, record.CredentialId, record.SessionId, record.Action, record.Resource, record.Reason);
        }

        foreach (var sink in _sinks)
        {
            sink.TryWrite(record);
        }

        return record;
    }

    [LoggerMessage(EventId = 3001, EventName = "DecisionAllowed", Level = LogLevel.Information,
        Message = "Decision {DecisionId} at {DecidedAt:O}: allow {Action} on {Resource} for agent {Agent}, authoriser {Authoriser}, credential {CredentialId}, session {SessionId} ({Reason})")]
    private static partial void LogAllowed(ILogger logger, string decisionId, DateTimeOffset decidedAt, string? agent, string? authoriser, string? credentialId, string? sessionId, string? action, string? resource, string reason);

    [LoggerMessage(EventId = 3002, EventName = "DecisionDenied", Level = LogLevel.Warning,
        Message = "Decision {DecisionId} at {DecidedAt:O}: deny {Action} on {Resource} for agent {Agent}, authoriser {Authoriser}, credential {CredentialId}, session {SessionId} ({Reason})")]
    private static partial void LogDenied(ILogger logger, string decisionId, DateTimeOffset decidedAt, string? agent, string? authoriser, string? credentialId, string? sessionId, string? action, string? resource, string reason);
}
