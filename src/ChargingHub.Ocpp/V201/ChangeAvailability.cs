using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>ChangeAvailabilityRequest: for the whole station when <see cref="Evse"/> is absent.</summary>
public sealed record ChangeAvailabilityRequest
{
    [JsonPropertyName("evse")]
    public EVSEType? Evse { get; init; }

    public required OperationalStatusEnumType OperationalStatus { get; init; }
}

/// <summary>ChangeAvailabilityResponse.</summary>
public sealed record ChangeAvailabilityResponse
{
    public required ChangeAvailabilityStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
