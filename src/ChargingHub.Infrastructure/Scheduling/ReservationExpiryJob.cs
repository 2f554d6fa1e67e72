using ChargingHub.Domain.Reservations;
using Quartz;

namespace ChargingHub.Infrastructure.Scheduling;

/// <summary>
/// Fires <see cref="ReservationService.ExpireAsync"/> for one reservation. Built by Quartz's job factory from
/// the application's container on each firing, so the service is resolved only when an expiry is due.
/// </summary>
internal sealed class ReservationExpiryJob(ReservationService reservations, TimeProvider time) : IJob
{
    internal const string ChargerIdKey = "chargerId";
    internal const string ReservationIdKey = "reservationId";
    internal const string ExpiresAtKey = "expiresAtUtcTicks";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var chargerId = data.GetString(ChargerIdKey)!;
        var reservationId = data.GetInt(ReservationIdKey);
        var expiresAt = new DateTimeOffset(data.GetLong(ExpiresAtKey), TimeSpan.Zero);

        // A trigger may fire a hair before its time, and ExpireAsync rightly leaves alone a reservation whose
        // expiry has not passed on the hub clock; without this wait such a reservation would never expire.
        var early = expiresAt - time.GetUtcNow();
        if (early > TimeSpan.Zero)
        {
            await Task.Delay(early, time, cancellationToken).ConfigureAwait(false);
        }

        await reservations.ExpireAsync(chargerId, reservationId, cancellationToken).ConfigureAwait(false);
    }
}
