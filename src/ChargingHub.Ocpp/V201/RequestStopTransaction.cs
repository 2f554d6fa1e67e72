namespace ChargingHub.Ocpp.V201;

/// <summary>RequestStopTransactionRequest.</summary>
public sealed record RequestStopTransactionRequest
{
    public required string TransactionId { get; init; }
}

/// <summary>RequestStopTransactionResponse.</summary>
public sealed record RequestStopTransactionResponse
{
    public required RequestStartStopStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
