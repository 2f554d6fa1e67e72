namespace ChargingHub.Domain.Chargers;

/// <summary>A charger the hub knows: pre-registered by an admin or seen on the OCPP endpoint.</summary>
public sealed class Charger
{
    public required string Id { get; init; }

    public string? DisplayName { get; set; }

    /// <summary>The protocol of its last connection; null until it first connects.</summary>
    public ChargerProtocol? Protocol { get; set; }

    public RegistrationStatus Registration { get; set; } = RegistrationStatus.Pending;

    /// <summary>Hash of its OCPP Basic-auth password (security profile 1/2); null means no password is required.</summary>
    public string? PasswordHash { get; set; }

    public string? Vendor { get; set; }

    public string? Model { get; set; }

    public string? SerialNumber { get; set; }

    public string? FirmwareVersion { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public ReservationSupport Reservations { get; set; } = ReservationSupport.Unknown;

    /// <summary>Whether reservations without a connector (1.6 connector 0, 2.0.1 no evseId) are allowed. Null: unknown.</summary>
    public bool? AnyConnectorReservations { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Connector> Connectors { get; init; } = [];

    public Connector? FindConnector(int connectorId) => Connectors.Find(c => c.ConnectorId == connectorId);

    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Id : $"{DisplayName} ({Id})";
}
