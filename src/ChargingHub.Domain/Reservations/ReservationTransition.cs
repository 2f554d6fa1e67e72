namespace ChargingHub.Domain.Reservations;

/// <summary>One recorded move of a reservation, with when and why it happened.</summary>
public sealed record ReservationTransition(ReservationStatus From, ReservationStatus To, DateTimeOffset At, string Cause);
