using System.Diagnostics;
using ChargingHub.Domain.Reservations;
using Microsoft.Extensions.DependencyInjection;

namespace ChargingHub.Infrastructure.Tests;

public sealed class ScratchTests
{
    [Fact]
    public async Task Scratch_DirectExpire()
    {
        await using var hub = await HubHost.StartAsync();
        var chargers = Enumerable.Range(1, 10).Select(i => $"burst-{i}").ToList();
        foreach (var c in chargers) await hub.AddChargerAsync(c, 1);
        var expiresAt = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var list = new List<Reservation>();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var r = Reservation.Request(chargers[i % 10], i + 1, new ReservationTerms { ConnectorId = 1, IdTag = $"T{i}", ExpiresAt = expiresAt }, false, TimeProvider.System.GetUtcNow());
            r.Accept(TimeProvider.System.GetUtcNow());
            await hub.ReservationStore.AddAsync(r, CancellationToken.None);
            list.Add(r);
        }
        var add = sw.Elapsed;
        sw.Restart();
        for (var i = 0; i < 200; i++) await hub.ReservationStore.FindOpenAsync(list[i].ChargerId, list[i].ReservationId, CancellationToken.None);
        var reads = sw.Elapsed;
        sw.Restart();
        var gate = new SemaphoreSlim(16);
        await Task.WhenAll(list.Select(async r => { await gate.WaitAsync(); try { await hub.Reservations.ExpireAsync(r.ChargerId, r.ReservationId, CancellationToken.None); } finally { gate.Release(); } }));
        var expire = sw.Elapsed;
        File.WriteAllText("/tmp/scratch.txt", $"add1000={add.TotalMilliseconds} read200={reads.TotalMilliseconds} expire1000={expire.TotalMilliseconds}");
    }
}
