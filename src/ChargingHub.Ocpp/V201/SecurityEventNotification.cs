namespace ChargingHub.Ocpp.V201;

/// <summary>SecurityEventNotificationRequest.</summary>
public sealed record SecurityEventNotificationRequest
{
    /// <summary>The security event, e.g. <c>StartupOfTheDevice</c> (an open list in the specification).</summary>
    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? TechInfo { get; init; }
}

/// <summary>SecurityEventNotificationResponse (empty).</summary>
public sealed record SecurityEventNotificationResponse;
