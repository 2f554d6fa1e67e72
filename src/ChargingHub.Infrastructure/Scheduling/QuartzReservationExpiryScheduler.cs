using ChargingHub.Domain.Ports;
using Quartz;

namespace ChargingHub.Infrastructure.Scheduling;

/// <summary>
/// Expires reservations on the hub's clock with Quartz: one job per (charger, reservation id), fired once at
/// the expiry time. Scheduling the same reservation again replaces its trigger, so a replaced reservation
/// (OCPP H01.FR.02) simply moves its expiry.
/// <para>
/// The scheduler keeps its jobs in memory (RAM job store). Nothing is lost on a restart: the reservations
/// themselves are in the database, and <c>ReservationService.RecoverAsync</c> expires the overdue ones and
/// schedules the rest again at start-up. A persistent Quartz store would only keep a second copy of that state.
/// </para>
/// </summary>
public sealed class QuartzReservationExpiryScheduler(ISchedulerFactory schedulers) : IReservationExpiryScheduler
{
    internal const string Group = "reservation-expiry";

    public async Task ScheduleAsync(string chargerId, int reservationId, DateTimeOffset at, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        var jobKey = JobKeyFor(chargerId, reservationId);
        var job = JobBuilder.Create<ReservationExpiryJob>()
            .WithIdentity(jobKey)
            .UsingJobData(ReservationExpiryJob.ChargerIdKey, chargerId)
            .UsingJobData(ReservationExpiryJob.ReservationIdKey, reservationId)
            .UsingJobData(ReservationExpiryJob.ExpiresAtKey, at.UtcTicks)
            .Build();

        // The scheduler's own clock, so the fire time is compared against the time it was computed on.
        // FireNow: a trigger that could not fire on time (a busy pool, a paused process) still fires as soon
        // as it can; an expiry must never be skipped.
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(TriggerKeyFor(chargerId, reservationId))
            .ForJob(jobKey)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, ct).ConfigureAwait(false);
    }

    public async Task UnscheduleAsync(string chargerId, int reservationId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKeyFor(chargerId, reservationId), ct).ConfigureAwait(false);
    }

    /// <summary>When the expiry of this reservation is due to fire; null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> GetScheduledExpiryAsync(string chargerId, int reservationId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        var trigger = await scheduler.GetTrigger(TriggerKeyFor(chargerId, reservationId), ct).ConfigureAwait(false);
        return trigger?.NextFireTimeUtc;
    }

    // The reservation id goes first: it has no '@', so the name stays unambiguous whatever the charger id holds.
    private static JobKey JobKeyFor(string chargerId, int reservationId) => new($"{reservationId}@{chargerId}", Group);

    private static TriggerKey TriggerKeyFor(string chargerId, int reservationId) => new($"{reservationId}@{chargerId}", Group);
}
