using ChargingHub.Infrastructure.OcppLog;
using ChargingHub.Infrastructure.Sqlite;
using ChargingHub.Infrastructure.Stores;
using Microsoft.Extensions.Hosting;

namespace ChargingHub.Infrastructure;

/// <summary>
/// Migrates the database in the host's Starting phase, which runs before any hosted service's StartAsync, so
/// that start-up work elsewhere (reservation recovery, the board) finds the schema in place; then runs the
/// OCPP log writer until the host stops, when it also writes the connector states still pending.
/// </summary>
internal sealed class StorageHostedService(DatabaseMigrator migrator, OcppMessageLog ocppLog, SqliteChargerStore chargers) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        ocppLog.Start();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Stopped last among this project's services: Quartz (registered after) stops first, so no expiry is
    // still writing when the log drains.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await chargers.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whatever the flush did (the store writes what is left when it is disposed), the log still drains.
            await ocppLog.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
