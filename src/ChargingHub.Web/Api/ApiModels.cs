using System.Text.Json.Serialization;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;

namespace ChargingHub.Web.Api;

public sealed record ReservationDto(
    int ReservationId,
    string ChargerId,
    int ConnectorId,
    string? ConnectorType,
    string IdTag,
    string? IdTokenType,
    string? ParentIdTag,
    DateTimeOffset ExpiryDate,
    string Status,
    string? Reason,
    string EnforcedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ReservationDto From(ReservationView r) => new(
        r.ReservationId, r.ChargerId, r.ConnectorId, r.ConnectorType, r.IdTag,
        r.IdTokenType == "Central" ? null : r.IdTokenType, r.ParentIdTag, r.ExpiresAt, r.Status.ToString(), r.Reason,
        r.EnforcedByHub ? "hub" : "charger", r.CreatedAt, r.UpdatedAt);
}

public sealed record ReservationOutcomeDto(string Status, ReservationDto Reservation);

public sealed record ConnectorDto(int ConnectorId, string Status, string? ConnectorType, int? ReservationId);

/// <remarks>The contract's charger keys are always present, null when not known yet (a charger that never connected).</remarks>
public sealed record ChargerDto(
    string Id,
    string? DisplayName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? OcppVersion,
    string Registration,
    bool Online,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastSeen,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Vendor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Model,
    string? FirmwareVersion,
    string Reservations,
    bool PasswordSet,
    IReadOnlyList<ConnectorDto> Connectors)
{
    public static string ReservationsLabel(ReservationSupport support) => support switch
    {
        ReservationSupport.Hub => "hub",
        ReservationSupport.None => "none",
        _ => "charger",
    };
}

public sealed record TokenDto(string IdTag, string? ParentIdTag, string? Name, bool Blocked)
{
    public static TokenDto From(IdToken t) => new(t.IdTag, t.ParentIdTag, t.Name, t.Blocked);
}

/// <summary>Bodies as posted. Times stay strings so that a missing offset gets its own message.</summary>
public sealed record ReserveBody(
    string? ChargerId,
    int? ConnectorId,
    string? ConnectorType,
    string? ExpiryDate,
    string? IdTag,
    string? ParentIdTag,
    string? IdTokenType,
    int? ReservationId);

public sealed record CancelBody(string? ChargerId, int? ReservationId);

public sealed record NewChargerBody(string? Id, string? Password);

public sealed record TokenBody(string? IdTag, string? ParentIdTag, string? Name, bool? Blocked);
