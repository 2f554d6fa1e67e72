namespace ChargingHub.Domain.Reservations;

/// <summary>Where a reservation is in its life; see <see cref="ReservationLifecycle"/> for the allowed moves.</summary>
public enum ReservationStatus
{
    /// <summary>Sent to the charger, no answer yet.</summary>
    Pending,

    /// <summary>Accepted: the connector is held.</summary>
    Active,

    /// <summary>Consumed by a transaction.</summary>
    Used,

    /// <summary>Its expiry passed unused.</summary>
    Expired,

    /// <summary>Cancelled through the hub (or the charger no longer had it when asked to cancel).</summary>
    Canceled,

    /// <summary>The charger removed it, or its connector went Faulted/Unavailable.</summary>
    Removed,

    /// <summary>The charger (or the hub's double-booking check) answered other than Accepted.</summary>
    Declined,

    /// <summary>The charger did not answer in time.</summary>
    Failed,
}
