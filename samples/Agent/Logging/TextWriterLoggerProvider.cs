using Microsoft.Extensions.Logging;

namespace ExecGov.Samples.Agent.Logging;

/// <summary>
/// Writes the SDK's log events (issued, waiting for approval …) as single lines to the command's standard error.
/// Hand-written because the console logging provider writes to the process console only, while every command writes
/// to the writers it is given (the end-to-end test runs the command line in-process).
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message)
    {
        var prefix = level switch
        {
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error or LogLevel.Critical => "fail",
            _ => "dbug",
        };
        lock (_gate)
        {
            writer.WriteLine($"{prefix}: {message.ReplaceLineEndings(" ")}");
        }
    }

    private sealed class Logger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception));
            }
        }
    }
}
