namespace ChargingHub.Ocpp.V16;

/// <summary>DiagnosticsStatusNotification.req.</summary>
public sealed record DiagnosticsStatusNotificationRequest
{
    public required DiagnosticsStatus Status { get; init; }
}

/// <summary>DiagnosticsStatusNotification.conf (empty).</summary>
public sealed record DiagnosticsStatusNotificationResponse;
