using ChargingHub.Domain.Chargers;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>What Home Assistant discovery shows of a charger: its device details and which connector entities it gets.</summary>
public sealed record ChargerDevice
{
    public required string ChargerId { get; init; }

    public required string Name { get; init; }

    public string? Manufacturer { get; init; }

    public string? Model { get; init; }

    public string? SoftwareVersion { get; init; }

    public string? SerialNumber { get; init; }

    /// <summary>The connectors (1.6) or EVSEs (2.0.1) above 0, ascending.</summary>
    public IReadOnlyList<int> Connectors { get; init; } = [];

    /// <summary>Whether "any connector" reservations (connector 0) get entities: the charger keeps them and says it supports them.</summary>
    public bool AnyConnectorReservations { get; init; }

    /// <summary>Only chargers an admin approved (or the policy accepted) appear in Home Assistant.</summary>
    public bool Accepted { get; init; }

    public static ChargerDevice From(Charger charger) => new()
    {
        ChargerId = charger.Id,
        Name = string.IsNullOrWhiteSpace(charger.DisplayName) ? charger.Id : charger.DisplayName,
        Manufacturer = charger.Vendor,
        Model = charger.Model,
        SoftwareVersion = charger.FirmwareVersion,
        SerialNumber = charger.SerialNumber,
        Connectors = [.. charger.Connectors.Select(c => c.ConnectorId).Where(id => id > 0).Distinct().Order()],
        AnyConnectorReservations = charger.AnyConnectorReservations == true
            && charger.Reservations is ReservationSupport.Charger or ReservationSupport.Unknown,
        Accepted = charger.Registration == RegistrationStatus.Accepted,
    };

    public ChargerDevice WithConnector(int connectorId) =>
        connectorId <= 0 || Connectors.Contains(connectorId) ? this : this with { Connectors = [.. Connectors.Append(connectorId).Order()] };

    public bool Equals(ChargerDevice? other) =>
        other is not null
        && ChargerId == other.ChargerId
        && Name == other.Name
        && Manufacturer == other.Manufacturer
        && Model == other.Model
        && SoftwareVersion == other.SoftwareVersion
        && SerialNumber == other.SerialNumber
        && AnyConnectorReservations == other.AnyConnectorReservations
        && Accepted == other.Accepted
        && Connectors.SequenceEqual(other.Connectors);

    public override int GetHashCode() => HashCode.Combine(ChargerId, Name, Model, Connectors.Count);
}
