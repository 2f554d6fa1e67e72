namespace ChargingHub.Ocpp.V16;

/// <summary>StatusNotification.req: a connector (or connector 0, the charge point) changed status or error.</summary>
public sealed record StatusNotificationRequest
{
    public required int ConnectorId { get; init; }

    public required ChargePointErrorCode ErrorCode { get; init; }

    public string? Info { get; init; }

    public required ChargePointStatus Status { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? VendorId { get; init; }

    public string? VendorErrorCode { get; init; }
}

/// <summary>StatusNotification.conf (empty).</summary>
public sealed record StatusNotificationResponse;
