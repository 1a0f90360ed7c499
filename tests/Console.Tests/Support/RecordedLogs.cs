using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Tests.Support;

/// <summary>Every log message the host writes, kept in memory so tests can read what the server log would show.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    /// <summary>The messages of one category (a logger's type name) at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<string> MessagesOf(string category, LogLevel level = LogLevel.Trace) =>
        [.. _entries.Where(e => e.Category == category && e.Level >= level).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
