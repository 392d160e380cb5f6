using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Tests.Logging;

/// <summary>Keeps every formatted log message, for assertions on what reaches a log line.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue(formatter(state, exception));
}
