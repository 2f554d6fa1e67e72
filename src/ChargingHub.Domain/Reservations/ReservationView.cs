namespace ChargingHub.Domain.Reservations;

/// <summary>An immutable picture of a reservation, as every surface (API, UI, MQTT, events) shows it.</summary>
public sealed record ReservationView(
    int ReservationId,
    string ChargerId,
    int ConnectorId,
    string? ConnectorType,
    string IdTag,
    string IdTokenType,
    string? ParentIdTag,
    DateTimeOffset ExpiresAt,
    ReservationStatus Status,
    string? Reason,
    bool EnforcedByHub,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public static class ReservationViews
{
    public static ReservationView ToView(this Reservation r) => new(
        r.ReservationId, r.ChargerId, r.Terms.ConnectorId, r.Terms.ConnectorType, r.Terms.IdTag, r.Terms.IdTokenType,
        r.Terms.ParentIdTag, r.Terms.ExpiresAt, r.Status, r.Reason, r.EnforcedByHub, r.CreatedAt, r.UpdatedAt);
}
