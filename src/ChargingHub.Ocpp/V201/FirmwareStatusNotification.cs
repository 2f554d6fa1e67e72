namespace ChargingHub.Ocpp.V201;

/// <summary>FirmwareStatusNotificationRequest.</summary>
public sealed record FirmwareStatusNotificationRequest
{
    public required FirmwareStatusEnumType Status { get; init; }

    public int? RequestId { get; init; }
}

/// <summary>FirmwareStatusNotificationResponse (empty).</summary>
public sealed record FirmwareStatusNotificationResponse;
