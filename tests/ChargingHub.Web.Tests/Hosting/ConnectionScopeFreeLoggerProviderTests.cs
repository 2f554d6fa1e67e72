using ChargingHub.Web.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Web.Tests.Hosting;

public sealed class ConnectionScopeFreeLoggerProviderTests
{
    private readonly RecordingProvider _inner = new();

    [Theory]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel.Connections")]
    public void BeginScope_KestrelCategory_OpensNoScopeButStillLogs(string category)
    {
        var logger = new ConnectionScopeFreeLoggerProvider(_inner).CreateLogger(category);

        using (logger.BeginScope("connection 42"))
        {
            logger.LogWarning("Connection reset");
        }

        Assert.Empty(_inner.Scopes);
        Assert.Equal(["Connection reset"], _inner.Messages);
    }

    [Fact]
    public void BeginScope_OtherCategory_OpensTheInnerScope()
    {
        var logger = new ConnectionScopeFreeLoggerProvider(_inner).CreateLogger("ChargingHub.Web.Ocpp.OcppEndpoint");

        using (logger.BeginScope("charger CP1"))
        {
            logger.LogInformation("Connected");
        }

        Assert.Equal(["charger CP1"], _inner.Scopes);
        Assert.Equal(["Connected"], _inner.Messages);
    }

    [Fact]
    public void IsEnabled_KestrelCategory_AsTheInnerLoggerSays()
    {
        _inner.MinimumLevel = LogLevel.Warning;
        var logger = new ConnectionScopeFreeLoggerProvider(_inner).CreateLogger("Microsoft.AspNetCore.Server.Kestrel");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }

    private sealed class RecordingProvider : ILoggerProvider, ILogger
    {
        public List<object> Scopes { get; } = [];

        public List<string> Messages { get; } = [];

        public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            Scopes.Add(state);
            return new Scope();
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));

        public void Dispose()
        {
        }

        private sealed class Scope : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
