namespace ChargingHub.Ocpp.V16;

/// <summary>FirmwareStatusNotification.req.</summary>
public sealed record FirmwareStatusNotificationRequest
{
    public required FirmwareStatus Status { get; init; }
}

/// <summary>FirmwareStatusNotification.conf (empty).</summary>
public sealed record FirmwareStatusNotificationResponse;
