namespace ChargingHub.Domain.Chargers;

/// <summary>Who keeps a charger's reservations.</summary>
public enum ReservationSupport
{
    /// <summary>Not known yet: the charger has not told us (treated like <see cref="Charger"/> when a ReserveNow is sent).</summary>
    Unknown,

    /// <summary>The charger implements the OCPP Reservation profile / ReservationCtrlr.</summary>
    Charger,

    /// <summary>The charger lacks reservations; the hub enforces them itself through Authorize and transaction starts.</summary>
    Hub,

    /// <summary>Reservations are not offered on this charger.</summary>
    None,
}
