namespace ChargingHub.Domain.Chargers;

/// <summary>
/// A connector (1.6 connectorId) or EVSE (2.0.1 evseId) of a charger, as last reported.
/// <paramref name="ConnectorType"/> is the 2.0.1 ConnectorEnumType (e.g. cType2), when the charger told us.
/// </summary>
public sealed record Connector(int ConnectorId, string Status, string? ConnectorType, DateTimeOffset UpdatedAt);
