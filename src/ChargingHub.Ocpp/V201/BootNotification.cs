namespace ChargingHub.Ocpp.V201;

/// <summary>BootNotificationRequest: a charging station announces itself after (re)booting.</summary>
public sealed record BootNotificationRequest
{
    public required ChargingStationType ChargingStation { get; init; }

    public required BootReasonEnumType Reason { get; init; }
}

/// <summary>BootNotificationResponse.</summary>
public sealed record BootNotificationResponse
{
    public required DateTimeOffset CurrentTime { get; init; }

    /// <summary>Heartbeat interval in seconds when accepted, otherwise the retry interval.</summary>
    public required int Interval { get; init; }

    public required RegistrationStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}

/// <summary>The physical charging station, as described in a BootNotification.</summary>
public sealed record ChargingStationType
{
    public string? SerialNumber { get; init; }

    public required string Model { get; init; }

    public ModemType? Modem { get; init; }

    public required string VendorName { get; init; }

    public string? FirmwareVersion { get; init; }
}

/// <summary>The charging station's wireless modem.</summary>
public sealed record ModemType
{
    public string? Iccid { get; init; }

    public string? Imsi { get; init; }
}
