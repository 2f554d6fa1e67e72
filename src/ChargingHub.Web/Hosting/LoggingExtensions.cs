using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace ChargingHub.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog to the console and to a daily rolling file under the data directory; levels from <c>Serilog</c> configuration.</summary>
    public static WebApplicationBuilder AddHubLogging(this WebApplicationBuilder builder, string dataDirectory)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            // The sinks are named, so Serilog does not open every assembly in the directory to look for more
            // (it would load System.Reflection.Metadata for that alone: 2 MB of the idle hub's memory).
            .ReadFrom.Configuration(builder.Configuration, new ConfigurationReaderOptions(
                typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly))
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                Path.Combine(dataDirectory, "logs", "hub-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 50 * 1024 * 1024,
                rollOnFileSizeLimit: true)
            .CreateLogger();
        builder.Logging.ClearProviders();
        // Made by the container, so that it is disposed with it and the log file is closed on shutdown.
        builder.Logging.Services.AddSingleton<ILoggerProvider>(_ => new ConnectionScopeFreeLoggerProvider(new SerilogLoggerProvider(logger, dispose: true)));

        // Levels are Serilog's to decide (as AddSerilog arranges for its own provider).
        builder.Logging.AddFilter<ConnectionScopeFreeLoggerProvider>(null, LogLevel.Trace);

        // Its request-start/finish messages are below our level anyway, but while it is enabled at all, every
        // request gets an Activity and a log scope, which a charger's WebSocket request keeps for its lifetime
        // (0.5 KB of heap per charger). The price: request scopes (our templates do not print them) and the host's
        // own "application startup exception" message; such an exception still ends the process and is printed.
        builder.Logging.AddFilter<ConnectionScopeFreeLoggerProvider>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        return builder;
    }
}
