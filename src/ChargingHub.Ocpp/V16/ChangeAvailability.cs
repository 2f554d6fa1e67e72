namespace ChargingHub.Ocpp.V16;

/// <summary>ChangeAvailability.req (connector 0 = the whole charge point).</summary>
public sealed record ChangeAvailabilityRequest
{
    public required int ConnectorId { get; init; }

    public required AvailabilityType Type { get; init; }
}

/// <summary>ChangeAvailability.conf.</summary>
public sealed record ChangeAvailabilityResponse
{
    public required AvailabilityStatus Status { get; init; }
}
