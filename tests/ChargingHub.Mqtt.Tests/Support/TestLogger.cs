using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ChargingHub.Mqtt.Tests.Support;

/// <summary>Keeps every log entry for assertions and echoes it to the test output.</summary>
public sealed class TestLogger<T>(ITestOutputHelper? output = null) : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        _entries.Enqueue(new LogEntry(logLevel, message, exception));
        try
        {
            output?.WriteLine($"{logLevel}: {message}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The client's background loop may log after the test has finished.
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
