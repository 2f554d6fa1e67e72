using ChargingHub.Domain.Chargers;
using ChargingHub.Infrastructure.Sqlite;
using ChargingHub.Infrastructure.Stores;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Infrastructure.Tests;

/// <summary>A migrated database in a fresh temporary directory per test, deleted afterwards.</summary>
public abstract class SqliteTestBase : IAsyncLifetime
{
    protected SqliteTestBase()
    {
        DataDirectory = TempDirectory.Create();
        Database = SqliteDatabase.InDirectory(DataDirectory);
    }

    protected string DataDirectory { get; }

    protected SqliteDatabase Database { get; }

    public virtual async Task InitializeAsync() =>
        await new DatabaseMigrator(Database, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

    public virtual Task DisposeAsync()
    {
        Database.Dispose();
        TempDirectory.Delete(DataDirectory);
        return Task.CompletedTask;
    }

    protected Task SeedChargerAsync(string chargerId, params int[] connectorIds) =>
        new SqliteChargerStore(Database, NullLogger<SqliteChargerStore>.Instance).AddAsync(TestData.Charger(chargerId, connectorIds), CancellationToken.None);
}

internal static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"charginghub-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}

internal static class TestData
{
    /// <summary>An instant with sub-millisecond ticks and a non-UTC offset: what must survive a round trip.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.FromHours(2)).AddTicks(5358979);

    public static Charger Charger(string id, params int[] connectorIds) => new()
    {
        Id = id,
        Registration = RegistrationStatus.Accepted,
        Protocol = ChargerProtocol.Ocpp16,
        Reservations = ReservationSupport.Charger,
        CreatedAt = T0,
        Connectors = connectorIds.Select(c => new Connector(c, ConnectorStatus.Available, null, T0)).ToList(),
    };
}
