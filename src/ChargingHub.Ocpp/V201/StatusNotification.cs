using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>StatusNotificationRequest: a connector changed status.</summary>
public sealed record StatusNotificationRequest
{
    public required DateTimeOffset Timestamp { get; init; }

    public required ConnectorStatusEnumType ConnectorStatus { get; init; }

    [JsonPropertyName("evseId")]
    public required int EvseId { get; init; }

    public required int ConnectorId { get; init; }
}

/// <summary>StatusNotificationResponse (empty).</summary>
public sealed record StatusNotificationResponse;
