using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>
/// ReserveNowRequest: reserve an EVSE, any EVSE, or any EVSE with a given connector type for an
/// idToken until <see cref="ExpiryDateTime"/>.
/// </summary>
public sealed record ReserveNowRequest
{
    /// <summary>The reservation id, chosen by the CSMS.</summary>
    public required int Id { get; init; }

    public required DateTimeOffset ExpiryDateTime { get; init; }

    public ConnectorEnumType? ConnectorType { get; init; }

    [JsonPropertyName("idToken")]
    public required IdTokenType IdToken { get; init; }

    [JsonPropertyName("evseId")]
    public int? EvseId { get; init; }

    public IdTokenType? GroupIdToken { get; init; }
}

/// <summary>ReserveNowResponse.</summary>
public sealed record ReserveNowResponse
{
    public required ReserveNowStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
