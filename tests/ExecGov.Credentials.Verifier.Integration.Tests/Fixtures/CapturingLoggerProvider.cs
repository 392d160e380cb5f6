using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>Keeps every log entry (category, event id, level, structured state, message) for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public IEnumerable<LogEntry> WithEvent(int id) => Entries.Where(e => e.EventId == id);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, eventId.Id, logLevel, values.ToDictionary(v => v.Key, v => v.Value), formatter(state, exception)));
        }
    }
}

internal sealed record LogEntry(string Category, int EventId, LogLevel Level, IReadOnlyDictionary<string, object?> State, string Message);
