using ExecGov.Credentials.Agent;
using ExecGov.Credentials.Agent.Credentials;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// Listens to the Agent SDK's log events for the one a person must act on, <see cref="AgentEventIds.ApprovalPending"/>,
/// whose <c>ApprovalId</c> the CLI prints so an approver can run <c>execgov credentials approve</c>. Everything
/// else the SDK logs is dropped (the CLI prints its own results).
/// </summary>
internal sealed class ApprovalWatcher(Action<string> onPending) : ILogger<AgentCredentialProvider>
{
    public string? ApprovalId { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != AgentEventIds.ApprovalPending || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            if (name == "ApprovalId" && value is string id)
            {
                ApprovalId = id;
                onPending(id);
            }
        }
    }
}
