using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Infrastructure.Tests;

public sealed class DatabaseMigratorTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create();

    [Fact]
    public async Task MigrateAsync_FreshDatabase_CreatesEveryTable()
    {
        using var database = SqliteDatabase.InDirectory(_directory);

        await Migrator(database).MigrateAsync(CancellationToken.None);

        var tables = await database.ReadAsync(s => s.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'"),
            CancellationToken.None);
        Assert.Superset(
            new HashSet<string>
            {
                "schema_migrations", "chargers", "connectors", "id_tokens", "transactions", "counters", "reservations",
                "reservation_transitions", "ocpp_messages", "members", "api_keys",
            },
            tables.ToHashSet());
    }

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesAndRecordsEveryEmbeddedMigration()
    {
        using var database = SqliteDatabase.InDirectory(_directory);

        var applied = await Migrator(database).MigrateAsync(CancellationToken.None);

        var recorded = await database.ReadAsync(s => s.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"),
            CancellationToken.None);
        Assert.NotEmpty(DatabaseMigrator.Embedded);
        Assert.Equal(1, DatabaseMigrator.Embedded[0].Version);
        Assert.Equal(DatabaseMigrator.Embedded.Select(m => m.Version), applied);
        Assert.Equal(applied.Select(v => (long)v), recorded);
    }

    [Fact]
    public async Task MigrateAsync_SecondStart_AppliesNothingAndKeepsData()
    {
        using (var first = SqliteDatabase.InDirectory(_directory))
        {
            await Migrator(first).MigrateAsync(CancellationToken.None);
            await first.WriteAsync(s => s.ExecuteAsync("UPDATE counters SET value = 41"), CancellationToken.None);
        }

        using var second = SqliteDatabase.InDirectory(_directory);
        var applied = await Migrator(second).MigrateAsync(CancellationToken.None);
        var appliedAgain = await Migrator(second).MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Empty(appliedAgain);
        Assert.Equal(41, await second.ReadAsync(s => s.ExecuteScalarAsync<long>("SELECT value FROM counters"), CancellationToken.None));
    }

    public void Dispose() => TempDirectory.Delete(_directory);

    private static DatabaseMigrator Migrator(SqliteDatabase database) =>
        new(database, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);
}
