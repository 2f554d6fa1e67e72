using ChargingHub.Domain.Reservations;

namespace ChargingHub.Domain.Events;

/// <summary>Something that happened in the hub that live views (board, MQTT) may want to show.</summary>
public abstract record HubEvent(DateTimeOffset At);

/// <summary>A reservation moved to <see cref="ReservationView.Status"/> (from <paramref name="Previous"/>, null when just created).</summary>
public sealed record ReservationChanged(ReservationView Reservation, ReservationStatus? Previous, string Cause, DateTimeOffset At) : HubEvent(At);

/// <summary>A connector (1.6) or EVSE (2.0.1) reported a new status.</summary>
public sealed record ConnectorStatusChanged(string ChargerId, int ConnectorId, string Status, DateTimeOffset At) : HubEvent(At);

/// <summary>A charger's OCPP connection opened or closed.</summary>
public sealed record ChargerConnectionChanged(string ChargerId, bool Online, DateTimeOffset At) : HubEvent(At);

/// <summary>A charger's registration or details changed (approved, booted, added).</summary>
public sealed record ChargerChanged(string ChargerId, DateTimeOffset At) : HubEvent(At);
