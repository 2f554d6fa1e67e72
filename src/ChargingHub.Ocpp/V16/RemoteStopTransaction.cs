namespace ChargingHub.Ocpp.V16;

/// <summary>RemoteStopTransaction.req.</summary>
public sealed record RemoteStopTransactionRequest
{
    public required int TransactionId { get; init; }
}

/// <summary>RemoteStopTransaction.conf.</summary>
public sealed record RemoteStopTransactionResponse
{
    public required RemoteStartStopStatus Status { get; init; }
}
