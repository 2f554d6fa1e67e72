namespace ChargingHub.Domain.Reservations;

/// <summary>A charger's answer to ReserveNow (the same five values in 1.6 and 2.0.1).</summary>
public enum ChargerReserveStatus
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// <summary>A charger's answer to CancelReservation.</summary>
public enum ChargerCancelStatus
{
    Accepted,
    Rejected,
}

/// <summary>Why a 2.0.1 charger ended a reservation on its own (ReservationStatusUpdate).</summary>
public enum ChargerReservationUpdate
{
    Expired,
    Removed,
}
