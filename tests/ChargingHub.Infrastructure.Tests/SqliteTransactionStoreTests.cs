using ChargingHub.Domain.Transactions;
using ChargingHub.Infrastructure.Stores;

namespace ChargingHub.Infrastructure.Tests;

public sealed class SqliteTransactionStoreTests : SqliteTestBase
{
    private SqliteTransactionStore Store => new(Database);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedChargerAsync("CP1", 1);
        await SeedChargerAsync("CP2", 1);
    }

    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsEveryField()
    {
        var transaction = new Transaction
        {
            ChargerId = "CP1",
            TransactionId = "tx-9f2",
            ConnectorId = 2,
            IdTag = "TAG",
            StartedAt = TestData.T0,
            StoppedAt = TestData.T0.AddHours(1).AddTicks(3),
            MeterStartWh = 1234.5,
            MeterStopWh = 9876.25,
            ReservationId = 17,
            StopReason = "EVDisconnected",
            LastSeqNo = 12,
        };

        await Store.SaveAsync(transaction, CancellationToken.None);

        Assert.Equal(transaction, await Store.GetAsync("CP1", "tx-9f2", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_SameKeyAgain_ReplacesTransaction()
    {
        var started = new Transaction { ChargerId = "CP1", TransactionId = "1", ConnectorId = 1, IdTag = "T", StartedAt = TestData.T0 };
        await Store.SaveAsync(started, CancellationToken.None);
        var stopped = started with { StoppedAt = TestData.T0.AddMinutes(30), MeterStopWh = 5000, StopReason = "Local", LastSeqNo = 3 };

        await Store.SaveAsync(stopped, CancellationToken.None);

        Assert.Equal(stopped, await Store.GetAsync("CP1", "1", CancellationToken.None));
        Assert.Null(await Store.GetAsync("CP2", "1", CancellationToken.None));
    }

    [Fact]
    public async Task NextLocalIdAsync_ConcurrentCallers_GetDistinctIncreasingIds()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Store.NextLocalIdAsync(CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 100), ids.Order());
        Assert.Equal(101, await Store.NextLocalIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListRecentAsync_ChargerAndLimit_NewestFirstOfThatCharger()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.SaveAsync(new Transaction { ChargerId = "CP1", TransactionId = $"a{i}", StartedAt = TestData.T0.AddMinutes(i) },
                CancellationToken.None);
        }

        await Store.SaveAsync(new Transaction { ChargerId = "CP2", TransactionId = "b", StartedAt = TestData.T0.AddHours(1) },
            CancellationToken.None);

        var recentOfCp1 = await Store.ListRecentAsync("CP1", 3, CancellationToken.None);
        var recentOfAll = await Store.ListRecentAsync(null, 2, CancellationToken.None);

        Assert.Equal(["a4", "a3", "a2"], recentOfCp1.Select(t => t.TransactionId));
        Assert.Equal(["b", "a4"], recentOfAll.Select(t => t.TransactionId));
    }
}
