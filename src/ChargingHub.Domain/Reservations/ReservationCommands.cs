namespace ChargingHub.Domain.Reservations;

/// <summary>
/// A request to reserve. <see cref="ConnectorId"/> null or 0 means any connector; <see cref="ReservationId"/>
/// null lets the hub choose; an id of an open reservation replaces it.
/// </summary>
public sealed record ReserveCommand(
    string ChargerId,
    int? ConnectorId,
    string? ConnectorType,
    DateTimeOffset ExpiresAt,
    string IdTag,
    string? ParentIdTag = null,
    string? IdTokenType = null,
    int? ReservationId = null);

/// <summary>The answer to a <see cref="ReserveCommand"/>: the charger's (or the hub's) status and the reservation as it now stands.</summary>
public sealed record ReserveResult(ChargerReserveStatus Status, ReservationView Reservation);

/// <summary>The answer to a cancel: the charger's status and the reservation as it now stands.</summary>
public sealed record CancelResult(ChargerCancelStatus Status, ReservationView Reservation);
