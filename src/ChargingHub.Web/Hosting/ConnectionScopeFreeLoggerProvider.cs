namespace ChargingHub.Web.Hosting;

/// <summary>
/// Passes every log event to <paramref name="inner"/> but drops the log scopes Kestrel opens per connection.
/// </summary>
/// <remarks>
/// Kestrel opens a scope (the connection id) for each connection whenever its logger is enabled at all, and a
/// charger's connection lasts for days: with thousands of chargers those scopes were 0.8 KB of heap each
/// (docs/benchmarks.md, connections). Kestrel's messages name the connection themselves. Deliberately not an
/// <see cref="ISupportExternalScope"/>, so the logger factory leaves scopes to the loggers made here.
/// </remarks>
public sealed class ConnectionScopeFreeLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    private const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(KestrelCategory, StringComparison.Ordinal) ? new ScopeFreeLogger(logger) : logger;
    }

    public void Dispose() => inner.Dispose();

    private sealed class ScopeFreeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
