namespace ChargingHub.Ocpp.V201;

/// <summary>LogStatusNotificationRequest.</summary>
public sealed record LogStatusNotificationRequest
{
    public required UploadLogStatusEnumType Status { get; init; }

    public int? RequestId { get; init; }
}

/// <summary>LogStatusNotificationResponse (empty).</summary>
public sealed record LogStatusNotificationResponse;
