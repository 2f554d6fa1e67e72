using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Domain.Ports;

/// <summary>
/// Sends commands to connected chargers in their own protocol. Implementations throw a
/// <see cref="HubException"/> of kind <see cref="HubErrorKind.ChargerOffline"/> when the charger is not
/// connected (or drops during the call) and <see cref="HubErrorKind.ChargerTimeout"/> when it does not answer in time.
/// </summary>
public interface IChargerGateway
{
    bool IsConnected(string chargerId);

    Task<ChargerReserveStatus> ReserveNowAsync(string chargerId, int reservationId, ReservationTerms terms, CancellationToken ct);

    Task<ChargerCancelStatus> CancelReservationAsync(string chargerId, int reservationId, CancellationToken ct);
}

/// <summary>Fires <see cref="ReservationService.ExpireAsync"/> at a reservation's expiry, on the hub's own clock.</summary>
public interface IReservationExpiryScheduler
{
    Task ScheduleAsync(string chargerId, int reservationId, DateTimeOffset at, CancellationToken ct);

    Task UnscheduleAsync(string chargerId, int reservationId, CancellationToken ct);
}
