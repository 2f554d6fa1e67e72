using ChargingHub.Ocpp;

namespace ChargingHub.Simulator;

/// <summary>What kind of charger to simulate.</summary>
public sealed record SimulatorOptions
{
    public required string ChargerId { get; init; }

    public OcppVersion Version { get; init; } = OcppVersion.V16;

    /// <summary>Connectors (1.6) or EVSEs with one connector each (2.0.1), numbered from 1.</summary>
    public int Connectors { get; init; } = 2;

    /// <summary>HTTP Basic password (security profile 1); null sends none.</summary>
    public string? Password { get; init; }

    public string Vendor { get; init; } = "ChargingHub";

    public string Model { get; init; } = "Simulator";

    /// <summary>Whether it implements reservations (1.6 Reservation profile, 2.0.1 ReservationCtrlr.Enabled).</summary>
    public bool SupportsReservations { get; init; } = true;

    /// <summary>Whether it accepts reservations without a connector (1.6 ReserveConnectorZeroSupported, 2.0.1 NonEvseSpecific).</summary>
    public bool AnyConnectorReservations { get; init; } = true;

    /// <summary>2.0.1 connector type of every EVSE.</summary>
    public string ConnectorType { get; init; } = "cType2";

    /// <summary>How long the hub may take to answer one of the simulator's calls.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
