using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Testing;

/// <summary>The console's log lines (category and message), kept for a suite to read: its "mails" (confirmation links)
/// are Information lines there, as a laptop console without a mail server writes them.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly StringBuilder _text = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            if (pattern.Match(_text.ToString()) is { Success: true } match)
            {
                return match;
            }

            _waiters.Add((pattern, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The console logged nothing matching {pattern} within {timeout}:\n{Text}");
        }
    }

    public void Append(string line)
    {
        lock (_text)
        {
            _text.AppendLine(line);
            foreach (var waiter in _waiters.ToList())
            {
                if (waiter.Pattern.Match(line) is { Success: true } match)
                {
                    _waiters.Remove(waiter);
                    waiter.Found.TrySetResult(match);
                }
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel}: {category}: {formatter(state, exception)}";
            log.Append(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
