using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>MeterValuesRequest: readings outside a transaction (EVSE 0 = the main meter).</summary>
public sealed record MeterValuesRequest
{
    [JsonPropertyName("evseId")]
    public required int EvseId { get; init; }

    public required IReadOnlyList<MeterValueType> MeterValue { get; init; }
}

/// <summary>MeterValuesResponse (empty).</summary>
public sealed record MeterValuesResponse;
