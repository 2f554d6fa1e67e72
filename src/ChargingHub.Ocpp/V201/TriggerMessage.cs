using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>TriggerMessageRequest.</summary>
public sealed record TriggerMessageRequest
{
    [JsonPropertyName("evse")]
    public EVSEType? Evse { get; init; }

    public required MessageTriggerEnumType RequestedMessage { get; init; }
}

/// <summary>TriggerMessageResponse.</summary>
public sealed record TriggerMessageResponse
{
    public required TriggerMessageStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
