using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>RequestStartTransactionRequest.</summary>
public sealed record RequestStartTransactionRequest
{
    [JsonPropertyName("evseId")]
    public int? EvseId { get; init; }

    public IdTokenType? GroupIdToken { get; init; }

    [JsonPropertyName("idToken")]
    public required IdTokenType IdToken { get; init; }

    /// <summary>Chosen by the CSMS; the station echoes it in the resulting TransactionEvent.</summary>
    public required int RemoteStartId { get; init; }

    public ChargingProfileType? ChargingProfile { get; init; }
}

/// <summary>RequestStartTransactionResponse.</summary>
public sealed record RequestStartTransactionResponse
{
    public required RequestStartStopStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }

    /// <summary>Set when a transaction was already running on the EVSE (cable plugged in first).</summary>
    public string? TransactionId { get; init; }
}
