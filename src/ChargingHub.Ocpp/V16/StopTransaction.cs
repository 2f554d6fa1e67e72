namespace ChargingHub.Ocpp.V16;

/// <summary>StopTransaction.req.</summary>
public sealed record StopTransactionRequest
{
    public string? IdTag { get; init; }

    /// <summary>Meter reading in Wh at the end.</summary>
    public required int MeterStop { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required int TransactionId { get; init; }

    public Reason? Reason { get; init; }

    public IReadOnlyList<MeterValue>? TransactionData { get; init; }
}

/// <summary>StopTransaction.conf.</summary>
public sealed record StopTransactionResponse
{
    public IdTagInfo? IdTagInfo { get; init; }
}
