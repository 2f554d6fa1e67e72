using ChargingHub.Infrastructure.Sqlite;
using Dapper;

namespace ChargingHub.Infrastructure.Tests;

public sealed class SqliteDatabaseTests : SqliteTestBase
{
    [Fact]
    public async Task Open_MigratedDatabase_JournalModeIsWal()
    {
        var mode = await Database.ReadAsync(s => s.ExecuteScalarAsync<string>("PRAGMA journal_mode"), CancellationToken.None);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Open_FreshAndPooledConnections_HaveForeignKeysBusyTimeoutAndNormalSync()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var connection = Database.Open();

            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            Assert.Equal(5000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 1 = NORMAL
        }
    }

    [Fact]
    public async Task Open_MissingDataDirectory_CreatesIt()
    {
        var directory = Path.Combine(DataDirectory, "nested", "data");
        using var database = SqliteDatabase.InDirectory(directory);

        database.Open().Dispose();

        Assert.True(File.Exists(Path.Combine(directory, SqliteDatabase.DefaultFileName)));
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBack()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.WriteAsync(async s =>
        {
            await s.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('rolled-back', 1)");
            throw new InvalidOperationException("fails after writing");
        }, CancellationToken.None));

        var count = await Database.ReadAsync(s => s.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM counters WHERE name = 'rolled-back'"),
            CancellationToken.None);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task WriteAsync_ForeignKeyViolated_Throws()
    {
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => Database.WriteAsync(
            s => s.ExecuteAsync("INSERT INTO connectors (charger_id, connector_id, status, updated_at) VALUES ('nobody', 1, 'Available', 'x')"),
            CancellationToken.None));
    }

    [Fact]
    public void ToText_ThenParse_RoundTripsToTheTickAsUtc()
    {
        var text = SqliteTime.ToText(TestData.T0);
        var parsed = SqliteTime.Parse(text);

        Assert.Equal("2026-03-14T13:09:26.5358979Z", text);
        Assert.Equal(TestData.T0, parsed);
        Assert.Equal(TestData.T0.UtcTicks, parsed.UtcTicks);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Fact]
    public void ToText_InstantsInAnyOffset_SortsChronologicallyAsText()
    {
        var instants = new[]
        {
            TestData.T0,
            TestData.T0.AddTicks(1),
            TestData.T0.ToOffset(TimeSpan.FromHours(-8)).AddMilliseconds(1),
            TestData.T0.AddYears(-1),
        };

        var byText = instants.OrderBy(SqliteTime.ToText, StringComparer.Ordinal).ToList();

        Assert.Equal(instants.OrderBy(i => i.UtcTicks), byText);
    }
}
