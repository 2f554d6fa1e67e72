namespace ChargingHub.Domain.Chargers;

/// <summary>What a charger identity the hub does not know gets when it connects (<c>Hub:Ocpp:UnknownChargers</c>).</summary>
public enum UnknownChargerPolicy
{
    /// <summary>Connection accepted, BootNotification answered Pending, listed for an admin to approve.</summary>
    Pending,

    /// <summary>Registered and accepted on first connect.</summary>
    Accept,

    /// <summary>Handshake refused (HTTP 404).</summary>
    Reject,
}

public sealed class ChargerPolicyOptions
{
    public UnknownChargerPolicy UnknownChargers { get; set; } = UnknownChargerPolicy.Pending;
}

/// <summary>What a charger said about itself in BootNotification.</summary>
public sealed record BootInfo(string? Vendor, string? Model, string? SerialNumber, string? FirmwareVersion);
