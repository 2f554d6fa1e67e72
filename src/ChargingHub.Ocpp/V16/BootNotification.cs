namespace ChargingHub.Ocpp.V16;

/// <summary>BootNotification.req: a charge point announces itself after (re)booting.</summary>
public sealed record BootNotificationRequest
{
    public required string ChargePointVendor { get; init; }

    public required string ChargePointModel { get; init; }

    public string? ChargePointSerialNumber { get; init; }

    public string? ChargeBoxSerialNumber { get; init; }

    public string? FirmwareVersion { get; init; }

    public string? Iccid { get; init; }

    public string? Imsi { get; init; }

    public string? MeterType { get; init; }

    public string? MeterSerialNumber { get; init; }
}

/// <summary>BootNotification.conf.</summary>
public sealed record BootNotificationResponse
{
    public required RegistrationStatus Status { get; init; }

    public required DateTimeOffset CurrentTime { get; init; }

    /// <summary>Heartbeat interval in seconds when accepted, otherwise the retry interval.</summary>
    public required int Interval { get; init; }
}
