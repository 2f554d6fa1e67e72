namespace ChargingHub.Ocpp.V16;

/// <summary>StartTransaction.req.</summary>
public sealed record StartTransactionRequest
{
    public required int ConnectorId { get; init; }

    public required string IdTag { get; init; }

    /// <summary>Meter reading in Wh at the start.</summary>
    public required int MeterStart { get; init; }

    /// <summary>Present when this transaction consumes a reservation.</summary>
    public int? ReservationId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Not in the 1.6 specification's table, but allowed by the official schema.</summary>
    public int? TransactionId { get; init; }
}

/// <summary>StartTransaction.conf.</summary>
public sealed record StartTransactionResponse
{
    public required IdTagInfo IdTagInfo { get; init; }

    public required int TransactionId { get; init; }
}
