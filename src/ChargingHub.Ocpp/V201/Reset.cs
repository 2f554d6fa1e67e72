using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>ResetRequest: the whole station, or one EVSE when <see cref="EvseId"/> is set.</summary>
public sealed record ResetRequest
{
    public required ResetEnumType Type { get; init; }

    [JsonPropertyName("evseId")]
    public int? EvseId { get; init; }
}

/// <summary>ResetResponse.</summary>
public sealed record ResetResponse
{
    public required ResetStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
