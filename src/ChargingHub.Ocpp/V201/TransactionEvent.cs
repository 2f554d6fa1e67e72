using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>TransactionEventRequest: a transaction started, changed or ended.</summary>
public sealed record TransactionEventRequest
{
    public required TransactionEventEnumType EventType { get; init; }

    public IReadOnlyList<MeterValueType>? MeterValue { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required TriggerReasonEnumType TriggerReason { get; init; }

    public required int SeqNo { get; init; }

    /// <summary>The event happened while the station was offline.</summary>
    public bool? Offline { get; init; }

    public int? NumberOfPhasesUsed { get; init; }

    /// <summary>Maximum current of the connected cable in A.</summary>
    public int? CableMaxCurrent { get; init; }

    /// <summary>Present when this transaction consumes a reservation.</summary>
    public int? ReservationId { get; init; }

    public required TransactionType TransactionInfo { get; init; }

    [JsonPropertyName("evse")]
    public EVSEType? Evse { get; init; }

    [JsonPropertyName("idToken")]
    public IdTokenType? IdToken { get; init; }
}

/// <summary>TransactionEventResponse.</summary>
public sealed record TransactionEventResponse
{
    public decimal? TotalCost { get; init; }

    public int? ChargingPriority { get; init; }

    public IdTokenInfoType? IdTokenInfo { get; init; }

    public MessageContentType? UpdatedPersonalMessage { get; init; }
}

/// <summary>The transaction a TransactionEvent is about.</summary>
public sealed record TransactionType
{
    /// <summary>Assigned by the charging station (maximum 36 characters).</summary>
    public required string TransactionId { get; init; }

    public ChargingStateEnumType? ChargingState { get; init; }

    /// <summary>Seconds spent charging so far.</summary>
    public int? TimeSpentCharging { get; init; }

    public ReasonEnumType? StoppedReason { get; init; }

    /// <summary>The <c>remoteStartId</c> of the RequestStartTransaction that started it.</summary>
    public int? RemoteStartId { get; init; }
}
