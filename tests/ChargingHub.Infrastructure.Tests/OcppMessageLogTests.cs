using ChargingHub.Infrastructure.OcppLog;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Infrastructure.Tests;

public sealed class OcppMessageLogTests : SqliteTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Append_MoreThanKeptPerCharger_KeepsNewestOfEachCharger()
    {
        await using var log = Log(new OcppMessageLogOptions { KeepPerCharger = 20 });
        log.Start();
        for (var i = 0; i < 100; i++)
        {
            log.Append("CP1", OcppMessageDirection.Received, $"cp1-{i}", TestData.T0.AddSeconds(i));
            if (i < 30)
            {
                log.Append("CP2", OcppMessageDirection.Sent, $"cp2-{i}", TestData.T0.AddSeconds(i));
            }

            if (i < 5)
            {
                log.Append("CP3", OcppMessageDirection.Sent, $"cp3-{i}", TestData.T0.AddSeconds(i));
            }
        }

        await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(80, 20).Reverse().Select(i => $"cp1-{i}"), (await Recent(log, "CP1")).Select(e => e.Text));
        Assert.Equal(Enumerable.Range(10, 20).Reverse().Select(i => $"cp2-{i}"), (await Recent(log, "CP2")).Select(e => e.Text));
        Assert.Equal(5, (await Recent(log, "CP3")).Count);
        // CP1 and CP2 may each keep fewer than TrimSlack frames more until their next trim.
        Assert.InRange(await StoredRowCount(), 45, 45 + (2 * (log.TrimSlack - 1)));
    }

    [Fact]
    public async Task Append_ManyBatches_StoredRowsStayWithinTheSlack()
    {
        await using var log = Log(new OcppMessageLogOptions { KeepPerCharger = 40, MaxBatchSize = 7 });
        log.Start();
        var most = 0L;
        for (var i = 0; i < 400; i++)
        {
            log.Append("CP1", OcppMessageDirection.Received, $"{i}", TestData.T0);
            if (i % 25 == 0)
            {
                await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);
                most = Math.Max(most, await StoredRowCount());
            }
        }

        await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.InRange(most, 1, 40 + log.TrimSlack - 1);
        Assert.Equal(Enumerable.Range(360, 40).Reverse().Select(i => $"{i}"), (await Recent(log, "CP1")).Select(e => e.Text));
    }

    [Fact]
    public async Task Append_FirstFrameAfterARestart_TrimsWhatEarlierRunsLeft()
    {
        await using (var earlier = Log(new OcppMessageLogOptions { KeepPerCharger = 1000 }))
        {
            earlier.Start();
            for (var i = 0; i < 50; i++)
            {
                earlier.Append("CP1", OcppMessageDirection.Received, $"old-{i}", TestData.T0);
            }

            await earlier.FlushAsync(CancellationToken.None).WaitAsync(Patience);
        }

        await using var log = Log(new OcppMessageLogOptions { KeepPerCharger = 20 });
        log.Start();
        log.Append("CP1", OcppMessageDirection.Received, "new", TestData.T0);
        await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(20, await StoredRowCount());
        Assert.Equal("new", (await Recent(log, "CP1"))[0].Text);
    }

    [Fact]
    public async Task Append_QueuedBeforeStart_WrittenInBatchesNotOneByOne()
    {
        await using var log = Log(new OcppMessageLogOptions { KeepPerCharger = 1000, MaxBatchSize = 50 });
        for (var i = 0; i < 500; i++)
        {
            log.Append($"CP{i % 3}", OcppMessageDirection.Received, $"frame {i}", TestData.T0);
        }

        log.Start();
        await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(500, await StoredRowCount());
        Assert.Equal(10, log.BatchCount);
    }

    [Fact]
    public async Task ListRecentAsync_StoredFrames_RoundTripsFieldsNewestFirst()
    {
        await using var log = Log(new OcppMessageLogOptions());
        log.Start();
        log.Append("CP1", OcppMessageDirection.Received, """[2,"1","Heartbeat",{}]""", TestData.T0);
        log.Append("CP1", OcppMessageDirection.Sent, """[3,"1",{"currentTime":"2026-03-14T13:09:26Z"}]""", TestData.T0.AddTicks(1));
        log.Append("CP2", OcppMessageDirection.Received, "other", TestData.T0);
        await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        var entries = await log.ListRecentAsync("CP1", 10, CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("CP1", OcppMessageDirection.Sent, TestData.T0.AddTicks(1)), (entries[0].ChargerId, entries[0].Direction, entries[0].At));
        Assert.Equal("""[3,"1",{"currentTime":"2026-03-14T13:09:26Z"}]""", entries[0].Text);
        Assert.Equal((OcppMessageDirection.Received, """[2,"1","Heartbeat",{}]"""), (entries[1].Direction, entries[1].Text));
        Assert.True(entries[0].Id > entries[1].Id);
        Assert.Single(await log.ListRecentAsync("CP1", 1, CancellationToken.None));
    }

    [Fact]
    public async Task Append_QueueFull_DropsOldestQueuedFrames()
    {
        await using var log = Log(new OcppMessageLogOptions { QueueCapacity = 10 });
        for (var i = 0; i < 25; i++)
        {
            log.Append("CP1", OcppMessageDirection.Received, $"{i}", TestData.T0);
        }

        log.Start();
        await log.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(15, log.DroppedCount);
        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"{i}"), (await Recent(log, "CP1")).Select(e => e.Text));
    }

    [Fact]
    public async Task StopAsync_FramesStillQueued_WritesThemFirst()
    {
        var log = Log(new OcppMessageLogOptions());
        for (var i = 0; i < 300; i++)
        {
            log.Append("CP1", OcppMessageDirection.Received, $"{i}", TestData.T0);
        }

        log.Start();
        await log.StopAsync(CancellationToken.None).WaitAsync(Patience);
        log.Append("CP1", OcppMessageDirection.Received, "after stop", TestData.T0);

        var recent = await Recent(log, "CP1");
        Assert.Equal(200, recent.Count);
        Assert.Equal("299", recent[0].Text);
        Assert.InRange(await StoredRowCount(), 200, 200 + log.TrimSlack - 1);
    }

    private OcppMessageLog Log(OcppMessageLogOptions options) => new(Database, options, NullLogger<OcppMessageLog>.Instance);

    private static Task<IReadOnlyList<OcppLogEntry>> Recent(OcppMessageLog log, string chargerId) =>
        log.ListRecentAsync(chargerId, 1000, CancellationToken.None);

    private Task<long> StoredRowCount() =>
        Database.ReadAsync(s => s.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ocpp_messages"), CancellationToken.None);
}
