namespace ChargingHub.Domain.Reservations;

/// <summary>
/// The reservation state machine as data. Pending ends in Active, Declined or Failed; Active ends in
/// Used, Expired, Canceled or Removed, or stays Active when replaced by a ReserveNow with the same id
/// (OCPP H01.FR.02). Every other move is illegal.
/// </summary>
public static class ReservationLifecycle
{
    private static readonly Dictionary<ReservationStatus, ReservationStatus[]> Allowed = new()
    {
        [ReservationStatus.Pending] = [ReservationStatus.Active, ReservationStatus.Declined, ReservationStatus.Failed],
        [ReservationStatus.Active] =
        [
            ReservationStatus.Active, ReservationStatus.Used, ReservationStatus.Expired,
            ReservationStatus.Canceled, ReservationStatus.Removed,
        ],
    };

    public static bool CanMove(ReservationStatus from, ReservationStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>Pending and Active reservations still hold (or may hold) a connector.</summary>
    public static bool IsOpen(this ReservationStatus status) => status is ReservationStatus.Pending or ReservationStatus.Active;
}

/// <summary>Thrown when code asks a reservation for a move its lifecycle forbids: a bug or a stale caller, never silently ignored.</summary>
public sealed class InvalidReservationTransitionException(int reservationId, ReservationStatus from, ReservationStatus to)
    : InvalidOperationException($"Reservation {reservationId} cannot go from {from} to {to}.")
{
    public ReservationStatus From { get; } = from;

    public ReservationStatus To { get; } = to;
}
