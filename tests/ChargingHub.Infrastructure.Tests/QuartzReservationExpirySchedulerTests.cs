using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ChargingHub.Infrastructure.Tests;

// Measures lateness against the wall clock, so it runs alone rather than beside the other test classes.
[Collection(TimingSensitive.Name)]
public sealed class QuartzReservationExpirySchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private HubHost _hub = null!;

    private QuartzReservationExpiryScheduler Scheduler => _hub.Services.GetRequiredService<QuartzReservationExpiryScheduler>();

    public async Task InitializeAsync()
    {
        _hub = await HubHost.StartAsync();
        await _hub.AddChargerAsync("CP1", 1, 2);
    }

    public Task DisposeAsync() => _hub.DisposeAsync().AsTask();

    [Fact]
    public async Task ReserveAsync_ExpiryTwoSecondsAhead_ReservationEndsExpiredOnTime()
    {
        var expiresAt = TimeProvider.System.GetUtcNow().AddSeconds(2);
        var result = await _hub.Reservations.ReserveAsync(new ReserveCommand("CP1", 1, null, expiresAt, "TAG"), CancellationToken.None);
        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);

        var expired = await WaitUntilAsync(async () =>
        {
            var r = await _hub.ReservationStore.FindLatestAsync("CP1", result.Reservation.ReservationId, CancellationToken.None);
            return r is { Status: ReservationStatus.Expired } ? r : null;
        });

        var transition = expired.Transitions[^1];
        Assert.Equal(ReservationStatus.Expired, transition.To);
        Assert.InRange(transition.At - expiresAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Null(await Scheduler.GetScheduledExpiryAsync("CP1", result.Reservation.ReservationId, CancellationToken.None));
    }

    [Fact]
    public async Task UnscheduleAsync_BeforeExpiry_ReservationStaysActive()
    {
        var expiresAt = TimeProvider.System.GetUtcNow().AddSeconds(1.5);
        var result = await _hub.Reservations.ReserveAsync(new ReserveCommand("CP1", 1, null, expiresAt, "TAG"), CancellationToken.None);
        var id = result.Reservation.ReservationId;
        Assert.NotNull(await Scheduler.GetScheduledExpiryAsync("CP1", id, CancellationToken.None));

        await Scheduler.UnscheduleAsync("CP1", id, CancellationToken.None);
        await Task.Delay(expiresAt.AddSeconds(1.5) - TimeProvider.System.GetUtcNow());

        Assert.Null(await Scheduler.GetScheduledExpiryAsync("CP1", id, CancellationToken.None));
        Assert.Equal(ReservationStatus.Active, (await _hub.ReservationStore.FindLatestAsync("CP1", id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task ScheduleAsync_SameReservationAgain_ReplacesItsTrigger()
    {
        var expiresAt = TimeProvider.System.GetUtcNow().AddSeconds(1.5);
        var result = await _hub.Reservations.ReserveAsync(new ReserveCommand("CP1", 1, null, expiresAt, "TAG"), CancellationToken.None);
        var id = result.Reservation.ReservationId;
        var later = expiresAt.AddHours(1);

        await Scheduler.ScheduleAsync("CP1", id, later, CancellationToken.None);
        await Task.Delay(expiresAt.AddSeconds(1.5) - TimeProvider.System.GetUtcNow());

        var scheduled = await Scheduler.GetScheduledExpiryAsync("CP1", id, CancellationToken.None);
        Assert.NotNull(scheduled);
        Assert.InRange(scheduled.Value - later, TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        Assert.Equal(ReservationStatus.Active, (await _hub.ReservationStore.FindLatestAsync("CP1", id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task ScheduleAsync_ExpiryAlreadyPassed_FiresAtOnce()
    {
        var expiresAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var reservation = Reservation.Request("CP1", 9, new ReservationTerms { ConnectorId = 1, IdTag = "TAG", ExpiresAt = expiresAt },
            false, expiresAt.AddHours(-1));
        reservation.Accept(expiresAt.AddHours(-1));
        await _hub.ReservationStore.AddAsync(reservation, CancellationToken.None);
        var scheduledAt = TimeProvider.System.GetUtcNow();

        await Scheduler.ScheduleAsync("CP1", 9, expiresAt, CancellationToken.None);

        var expired = await WaitUntilAsync(async () =>
        {
            var r = await _hub.ReservationStore.FindLatestAsync("CP1", 9, CancellationToken.None);
            return r is { Status: ReservationStatus.Expired } ? r : null;
        });
        // Fires at (not before) the expiry; how late under load is measured by the expiry benchmark, not here.
        Assert.InRange(expired.UpdatedAt - scheduledAt, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ScheduleAsync_BurstOfReservationsEndingWithinSeconds_EveryOneExpiresNoneEarly()
    {
        // A dense burst proves no trigger is lost or fired early; the 1 s lateness target for 1,000 expiries in a
        // minute is measured by `build/bench.sh expiry` (docs/benchmarks.md), where timing belongs.
        const int count = 300;
        var window = TimeSpan.FromSeconds(3);
        var chargers = Enumerable.Range(1, 10).Select(i => $"burst-{i}").ToList();
        foreach (var charger in chargers)
        {
            await _hub.AddChargerAsync(charger, 1);
        }

        // One expiry first, so the thousand measure capacity rather than the first call's JIT compilation.
        var expiry = _hub.Services.GetRequiredService<IReservationExpiryScheduler>();
        var warmUp = Reservation.Request("CP1", 1, new ReservationTerms { ConnectorId = 1, IdTag = "W", ExpiresAt = TimeProvider.System.GetUtcNow() },
            false, TimeProvider.System.GetUtcNow());
        warmUp.Accept(TimeProvider.System.GetUtcNow());
        await _hub.ReservationStore.AddAsync(warmUp, CancellationToken.None);
        await expiry.ScheduleAsync("CP1", 1, warmUp.Terms.ExpiresAt, CancellationToken.None);

        var first = TimeProvider.System.GetUtcNow().AddSeconds(15);
        for (var i = 0; i < count; i++)
        {
            var expiresAt = first + window * i / count;
            var reservation = Reservation.Request(chargers[i % chargers.Count], i + 1,
                new ReservationTerms { ConnectorId = 1, IdTag = $"T{i}", ExpiresAt = expiresAt }, false, TimeProvider.System.GetUtcNow());
            reservation.Accept(TimeProvider.System.GetUtcNow());
            await _hub.ReservationStore.AddAsync(reservation, CancellationToken.None);
            await expiry.ScheduleAsync(reservation.ChargerId, reservation.ReservationId, expiresAt, CancellationToken.None);
        }

        Assert.True(TimeProvider.System.GetUtcNow() < first, "setting up took longer than the lead time before the first expiry");

        await WaitUntilAsync(async () =>
            (await _hub.ReservationStore.ListOpenAsync(CancellationToken.None)).Count == 0 ? new object() : null);
        var expired = (await _hub.ReservationStore.QueryAsync(
            new ReservationQuery(Status: ReservationStatus.Expired, Limit: 2 * count), CancellationToken.None))
            .Where(r => r.ChargerId != "CP1")
            .ToList();

        Assert.Equal(count, expired.Count);
        var lateness = expired.Select(r => r.Transitions[^1].At - r.Terms.ExpiresAt).ToList();
        Assert.True(lateness.All(l => l >= TimeSpan.Zero), "a reservation expired early");
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Condition not met within {Patience}.");
    }
}
