using System.Diagnostics;
using ChargingHub.Domain.Reservations;
using ChargingHub.Infrastructure.Sqlite;
using ChargingHub.Infrastructure.Stores;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Tests;

public sealed class ScratchTests : SqliteTestBase
{
    [Fact]
    public async Task Scratch_Micro()
    {
        await SeedChargerAsync("CP1", 1);
        var store = new SqliteReservationStore(Database);
        var r = Reservation.Request("CP1", 1, new ReservationTerms { ConnectorId = 1, IdTag = "T", ExpiresAt = TestData.T0 }, false, TestData.T0);
        r.Accept(TestData.T0);
        await store.AddAsync(r, CancellationToken.None);
        var results = new List<string>();
        async Task Time(string name, int n, Func<Task> body)
        {
            for (var i = 0; i < 50; i++) await body();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await body();
            results.Add($"{name}={sw.Elapsed.TotalMilliseconds * 1000 / n:F0}us");
        }
        var cs = new SqliteConnectionStringBuilder { DataSource = Database.DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
        await Time("openRawSame", 500, async () => { await using var c = new SqliteConnection(cs); await c.OpenAsync(); });
        await Time("openRawSameSync", 500, () => { using var c = new SqliteConnection(cs); c.Open(); return Task.CompletedTask; });
        await Time("open", 500, async () => { await using var c = Database.Open(); });
        await Time("beginCommitRead", 500, async () => { await using var c = Database.Open(); await using var t = c.BeginTransaction(true); t.Commit(); });
        await Time("dapperScalar", 500, async () => { await using var c = Database.Open(); await c.ExecuteScalarAsync<long>("SELECT 1"); });
        await Time("rawScalar", 500, async () => { await using var c = Database.Open(); using var cmd = c.CreateCommand(); cmd.CommandText = "SELECT 1"; cmd.ExecuteScalar(); });
        await Time("q1", 300, () => Database.ReadAsync(s => s.QueryAsync<long>("SELECT id FROM reservations WHERE charger_id = @c AND reservation_id = @r AND status IN ('Pending', 'Active')", new { c = "CP1", r = 1 }), CancellationToken.None));
        await Time("q1all", 300, () => Database.ReadAsync(s => s.QueryAsync<long>("SELECT id FROM reservations WHERE charger_id = @c AND reservation_id = @r", new { c = "CP1", r = 1 }), CancellationToken.None));
        await Time("q2in", 300, () => Database.ReadAsync(s => s.QueryAsync<long>("SELECT seq FROM reservation_transitions WHERE reservation_key IN @k", new { k = new long[] { 1 } }), CancellationToken.None));
        await Time("q2eq", 300, () => Database.ReadAsync(s => s.QueryAsync<long>("SELECT seq FROM reservation_transitions WHERE reservation_key = @k", new { k = 1L }), CancellationToken.None));
        var sqlq1 = "SELECT id FROM reservations WHERE charger_id = @c AND reservation_id = @r AND status IN ('Pending', 'Active')";
        using (var conn = Database.Open())
        {
            await Time("q1DapperOpenConn", 300, () => conn.QueryAsync<long>(sqlq1, new { c = "CP1", r = 1 }));
            await Time("q1DapperSyncOpenConn", 300, () => { conn.Query<long>(sqlq1, new { c = "CP1", r = 1 }).ToList(); return Task.CompletedTask; });
            await Time("dQueryNoParam", 300, () => { conn.Query<long>("SELECT id FROM reservations WHERE charger_id = 'CP1' AND reservation_id = 1").ToList(); return Task.CompletedTask; });
            await Time("dQueryUnbuffered", 300, () => { conn.Query<long>(sqlq1, new { c = "CP1", r = 1 }, buffered: false).ToList(); return Task.CompletedTask; });
            await Time("dExecReader", 300, () => { using var rd = conn.ExecuteReader(sqlq1, new { c = "CP1", r = 1 }); while (rd.Read()) { } return Task.CompletedTask; });
            await Time("dScalarParams", 300, () => { conn.ExecuteScalar<long>(sqlq1, new { c = "CP1", r = 1 }); return Task.CompletedTask; });
            await Time("rawSeqAccess", 300, () => { using var cmd = conn.CreateCommand(); cmd.CommandText = sqlq1; cmd.Parameters.AddWithValue("@c", "CP1"); cmd.Parameters.AddWithValue("@r", 1); using var rd = cmd.ExecuteReader(System.Data.CommandBehavior.SequentialAccess | System.Data.CommandBehavior.SingleResult); while (rd.Read()) { } return Task.CompletedTask; });
            await Time("rawCancel", 300, () => { using var cmd = conn.CreateCommand(); cmd.CommandText = sqlq1; cmd.Parameters.AddWithValue("@c", "CP1"); cmd.Parameters.AddWithValue("@r", 1); using var rd = cmd.ExecuteReader(); rd.Read(); cmd.Cancel(); return Task.CompletedTask; });
            await Time("q1Raw", 300, () => { using var cmd = conn.CreateCommand(); cmd.CommandText = sqlq1; cmd.Parameters.AddWithValue("@c", "CP1"); cmd.Parameters.AddWithValue("@r", 1); using var rd = cmd.ExecuteReader(); while (rd.Read()) { } return Task.CompletedTask; });
            await Time("q1RawNoParams", 300, () => { using var cmd = conn.CreateCommand(); cmd.CommandText = "SELECT id FROM reservations WHERE charger_id = 'CP1' AND reservation_id = 1"; using var rd = cmd.ExecuteReader(); while (rd.Read()) { } return Task.CompletedTask; });
            await Time("q1Prepared", 300, () => { using var cmd = conn.CreateCommand(); cmd.CommandText = "SELECT 1 FROM counters"; using var rd = cmd.ExecuteReader(); while (rd.Read()) { } return Task.CompletedTask; });
        }
        await Time("findOpen", 500, () => store.FindOpenAsync("CP1", 1, CancellationToken.None));
        await Time("update", 300, () => store.UpdateAsync(r, CancellationToken.None));
        await Time("emptyWrite", 300, () => Database.WriteAsync(s => Task.CompletedTask, CancellationToken.None));
        File.WriteAllText("/tmp/scratch.txt", string.Join(" ", results));
    }
}
